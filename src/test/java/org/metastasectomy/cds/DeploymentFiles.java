package org.metastasectomy.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/** Reads the deployment files and what they must agree with in application.yaml and pom.xml. */
final class DeploymentFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DeploymentFiles() {}

  static JsonNode yaml(String file) {
    try {
      return YAML.readTree(Path.of(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode application() {
    return yaml("src/main/resources/application.yaml");
  }

  static int serverPort() {
    return application().at("/server/port").asInt(8080);
  }

  /** The actuator path of a health group declared in application.yaml, e.g. /actuator/health/readiness. */
  static String healthGroupPath(String group) {
    JsonNode app = application();
    if (!app.at("/management/endpoint/health/group").has(group)) {
      throw new AssertionError("application.yaml declares no health group " + group);
    }
    String base = app.at("/management/endpoints/web/base-path").asText("/actuator");
    return base + "/health/" + group;
  }

  /**
   * The Jib configuration of the container image (pom.xml, profile "image"): a value by its path under
   * &lt;configuration&gt;, e.g. "container/user" or "container/environment/JAVA_TOOL_OPTIONS", with ${project.version}
   * resolved.
   */
  static String image(String path) {
    try {
      Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
      String xpath = "/project/profiles/profile[id='image']/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration/" + path;
      String value = XPathFactory.newInstance().newXPath().evaluate(xpath, pom).trim();
      if (value.isEmpty()) {
        throw new AssertionError("pom.xml, profile image: no " + path);
      }
      return value.replace("${project.version}", projectVersion()).replace("${project.artifactId}", "metastasectomy-cds");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The project's version (the first version element of pom.xml after its parent). */
  static String projectVersion() {
    String pom = text("pom.xml");
    int afterParent = pom.indexOf("</parent>");
    int start = pom.indexOf("<version>", afterParent) + "<version>".length();
    return pom.substring(start, pom.indexOf("</version>", start));
  }

  /** The HAPI FHIR version the service is built with (pom.xml property hapi.version). */
  static String hapiVersion() {
    String pom = text("pom.xml");
    int start = pom.indexOf("<hapi.version>") + "<hapi.version>".length();
    return pom.substring(start, pom.indexOf("</hapi.version>"));
  }
}
