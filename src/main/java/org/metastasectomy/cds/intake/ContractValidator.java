package org.metastasectomy.cds.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.http.ManagedWebAccess;

/**
 * HAPI's validator loaded with base R4 and the input contract of {@code fhir-profiles/} (StructureDefinitions, ValueSets,
 * CodeSystems). Works offline: LOINC, SNOMED CT and ICD-10-CM cannot be checked here, so unknown code systems are
 * warnings (a required binding to mrcc-labs would otherwise report every valid LOINC code as an error).
 * Building it is slow (seconds); build it once and share it, it is thread-safe.
 */
public final class ContractValidator {
  private final FhirValidator validator;
  private final ProfileSelector selector;
  private final List<IBaseResource> artefacts;

  private ContractValidator(FhirValidator validator, ProfileSelector selector, List<IBaseResource> artefacts) {
    this.validator = validator;
    this.selector = selector;
    this.artefacts = artefacts;
  }

  /** @param conformanceJson the JSON of every StructureDefinition, ValueSet and CodeSystem of the contract */
  public static ContractValidator of(FhirContext fhir, List<String> conformanceJson) {
    // The validator core would otherwise try packages.fhir.org when it meets a package it lacks: never from here.
    ManagedWebAccess.setAccessPolicy(ManagedWebAccess.WebAccessPolicy.PROHIBITED);
    PrePopulatedValidationSupport contract = new PrePopulatedValidationSupport(fhir);
    List<IBaseResource> artefacts = new ArrayList<>();
    for (String json : conformanceJson) {
      IBaseResource resource = fhir.newJsonParser().parseResource(json);
      if (resource instanceof StructureDefinition sd) {
        contract.addStructureDefinition(sd);
      } else if (resource instanceof ValueSet vs) {
        contract.addValueSet(vs);
      } else if (resource instanceof CodeSystem cs) {
        contract.addCodeSystem(cs);
      } else {
        throw new IllegalArgumentException("not a conformance resource: " + resource.fhirType());
      }
      artefacts.add(resource);
    }
    UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(fhir),
        contract,
        new SnapshotGeneratingValidationSupport(fhir),
        new InMemoryTerminologyServerValidationSupport(fhir),
        new CommonCodeSystemsTerminologyService(fhir),
        unknownCodeSystems);
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
    // mCODE and US Core profiles that data may claim cannot be loaded offline: an unverifiable claim is a warning.
    instanceValidator.setErrorForUnknownProfiles(false);
    FhirValidator validator = fhir.newValidator();
    validator.registerValidatorModule(instanceValidator);
    return new ContractValidator(validator, ProfileSelector.from(artefacts), List.copyOf(artefacts));
  }

  /** The contract's conformance resources as loaded. */
  public List<IBaseResource> artefacts() {
    return artefacts;
  }

  public ProfileSelector selector() {
    return selector;
  }

  /** Validates against base R4, the profiles the resource claims, and the given profiles. */
  public ValidationResult validate(String resourceJson, List<String> profiles) {
    ValidationOptions options = new ValidationOptions();
    profiles.forEach(options::addProfile);
    return validator.validateWithResult(resourceJson, options);
  }

  public ValidationResult validate(IBaseResource resource, List<String> profiles) {
    ValidationOptions options = new ValidationOptions();
    profiles.forEach(options::addProfile);
    return validator.validateWithResult(resource, options);
  }
}
