package org.metastasectomy.cds.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The files of fhir-profiles/ as packaged in the jar: the contract's conformance resources and the example patients. */
public final class FhirProfileFiles {
  private FhirProfileFiles() {}

  /** StructureDefinitions, ValueSets and CodeSystems (fhir-profiles/*.json), by file name. */
  public static Map<String, String> conformanceResources() {
    return read("classpath*:fhir-profiles/*.json");
  }

  /** The example patients, one collection Bundle per scenario (fhir-profiles/examples/*.json), by file name. */
  public static Map<String, String> examples() {
    return read("classpath*:fhir-profiles/examples/*.json");
  }

  private static Map<String, String> read(String pattern) {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
      Map<String, String> out = new LinkedHashMap<>();
      for (Resource r : Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
        try (InputStream in = r.getInputStream()) {
          out.putIfAbsent(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pattern, e);
    }
  }
}
