package org.metastasectomy.cds.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The package rules of docs/architecture.md, written for any base package so that ArchitectureRulesCanFailTest can
 * show each one failing on a small set of offending classes. Allow-lists, not deny-lists: a package may depend on the
 * JDK, on itself, and on exactly what is listed for it here.
 */
final class ArchitectureRules {
  static final String HAPI = "ca.uhn..";
  static final String HL7 = "org.hl7..";
  private static final String JDK = "java..";
  /** The JDK without I/O: the model computes, it never reads files, networks or databases. */
  private static final String[] PURE_JDK = {"java.lang..", "java.util..", "java.time..", "java.math.."};

  private final String base;

  ArchitectureRules(String base) {
    this.base = base;
  }

  /**
   * The model: plain Java, nothing else — no FHIR, Spring, Jackson, logging, no other package of ours, and of the JDK
   * only java.lang, java.util, java.time and java.math (no java.io, java.net.http, java.sql).
   */
  ArchRule modelIsPlainJava() {
    List<String> allowed = new ArrayList<>(List.of(PURE_JDK));
    allowed.add(p("model.."));
    return classes().that().resideInAPackage(p("model..")).should().onlyDependOnClassesThat()
        .resideInAnyPackage(allowed.toArray(String[]::new))
        .because("the model imports only plain java.* and its own packages");
  }

  /** HAPI's types only where FHIR is fetched and read, in the Spring wiring, and in the load-examples command. */
  ArchRule hapiOnlyInIntakeAndReading() {
    return noClasses().that().resideOutsideOfPackages(p("intake.."), p("reading.."), p("config.."), base)
        .should().dependOnClassesThat().resideInAnyPackage(HAPI, HL7)
        .because("FHIR is read in intake and reading; everything after works on the model");
  }

  /** Cards are built from the model and the knowledge; they never read FHIR or reach for the EHR. */
  ArchRule cardsNeverReadFhir() {
    return noClasses().that().resideInAPackage(p("cards.."))
        .should().dependOnClassesThat().resideInAnyPackage(p("reading.."), p("intake.."), HAPI, HL7);
  }

  /** No two packages (sub-packages included) depend on each other, directly or round a loop. */
  ArchRule noCycles() {
    return slices().matching(base + ".(**)").should().beFreeOfCycles();
  }

  /** The application class and the load-examples command: Spring Boot, HAPI's client, and what the command reads. */
  ArchRule entryPointsAllowList() {
    return classes().that().resideInAPackage(base).should().onlyDependOnClassesThat().resideInAnyPackage(JDK, base,
        p("config"), p("reading"), HAPI, HL7, "ch.qos.logback..", "org.slf4j..", "org.springframework.boot..");
  }

  /** Per package: what it may depend on besides the JDK and itself (the model has its stricter rule above). */
  Map<String, ArchRule> allowLists() {
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    allowed.put("cdshooks", List.of("com.fasterxml.jackson.annotation..", "com.fasterxml.jackson.databind.."));
    allowed.put("evidence", List.of());
    allowed.put("knowledge", List.of(p("model.."), p("evidence"), p("cdshooks"), "com.fasterxml.jackson.."));
    allowed.put("cards", List.of(p("model.."), p("knowledge"), p("evidence"), p("cdshooks"), "com.fasterxml.jackson.databind.."));
    allowed.put("intake", List.of(p("cdshooks"), HAPI, HL7, "com.fasterxml.jackson..", "io.github.resilience4j..",
        "org.apache.http..", "org.slf4j.."));
    allowed.put("reading", List.of(p("model.."), p("intake"), HAPI, HL7, "com.fasterxml.jackson.."));
    allowed.put("transparency", List.of(p("model.."), p("knowledge"), p("evidence"), p("cdshooks"), p("reading"),
        "org.springframework.http..", "org.springframework.web..", "org.springframework.stereotype.."));
    allowed.put("feedback", List.of(p("model.."), p("cards"), p("cdshooks"), "com.fasterxml.jackson.databind..",
        "io.micrometer..", "org.slf4j..", "org.springframework.dao..", "org.springframework.jdbc..",
        "org.springframework.stereotype..", "org.springframework.boot.actuate.endpoint..", "org.springframework.lang.."));
    allowed.put("audit", List.of(p("model.."), p("cards"), p("cdshooks"), p("feedback"), "javax.crypto..",
        "com.fasterxml.jackson.databind..", "io.micrometer..", "org.slf4j..", "org.springframework.dao..",
        "org.springframework.jdbc..", "org.springframework.transaction.."));
    allowed.put("security", List.of("javax..", "jakarta.servlet..", "com.nimbusds..", "io.micrometer..", "org.slf4j..",
        "org.springframework.."));
    allowed.put("hooks", List.of(p("model.."), p("cards"), p("cdshooks"), p("knowledge"), p("intake"), p("reading"),
        p("audit"), p("feedback"), p("security"), "com.fasterxml.jackson..", "io.micrometer..", "jakarta.servlet..",
        "org.slf4j..", "org.springframework.boot", "org.springframework.boot.web.servlet.error", "org.springframework.http..", "org.springframework.stereotype..",
        "org.springframework.web.."));
    // Wiring: may see every package of ours (none sees it), Spring and the libraries it configures.
    allowed.put("config", List.of(p("cdshooks"), p("hooks"), p("transparency"), p("intake"), p("reading"), p("model"),
        p("knowledge"), p("evidence"), p("cards"), p("audit"), p("feedback"), p("security"), HAPI, HL7, "com.fasterxml.jackson..",
        "io.github.resilience4j..", "io.micrometer..", "io.swagger.v3..", "jakarta..", "javax.sql..", "org.apache.http..",
        "org.apache.catalina..", "org.apache.coyote..", "com.zaxxer.hikari..",
        "org.slf4j..", "org.springdoc..",
        "org.springframework.."));
    Map<String, ArchRule> rules = new LinkedHashMap<>();
    allowed.forEach((pkg, deps) -> {
      List<String> all = new ArrayList<>(List.of(JDK, p(pkg)));
      all.addAll(deps);
      rules.put(pkg, classes().that().resideInAPackage(p(pkg)).should().onlyDependOnClassesThat()
          .resideInAnyPackage(all.toArray(String[]::new)));
    });
    return rules;
  }

  private String p(String pkg) {
    return base + "." + pkg;
  }
}
