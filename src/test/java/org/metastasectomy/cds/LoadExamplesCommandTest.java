package org.metastasectomy.cds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadExamplesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private WireMockServer fhir;

  @BeforeEach
  void start() {
    fhir = new WireMockServer(options().dynamicPort());
    fhir.start();
  }

  @AfterEach
  void stop() {
    fhir.stop();
  }

  @Test
  void postsOneTransactionThatPutsEveryExampleResourceOnceUnderItsOwnId() throws Exception {
    fhir.stubFor(post(urlPathMatching("/fhir/?")).willReturn(okJson(transactionResponse("201 Created", 3))));

    int exit = run("load-examples", "--fhir-server", base());

    assertThat(exit).as(text(err)).isZero();
    List<LoggedRequest> posts = fhir.findAll(postRequestedFor(urlPathMatching("/fhir/?")));
    assertThat(posts).hasSize(1);
    JsonNode tx = JSON.readTree(posts.get(0).getBodyAsString());
    assertThat(tx.path("type").asText()).isEqualTo("transaction");
    Set<String> urls = new HashSet<>();
    for (JsonNode e : tx.path("entry")) {
      assertThat(e.at("/request/method").asText()).isEqualTo("PUT");
      String url = e.at("/request/url").asText();
      assertThat(url).isEqualTo(e.at("/resource/resourceType").asText() + "/" + e.at("/resource/id").asText());
      assertThat(e.path("fullUrl").asText()).isEqualTo(base() + "/" + url);
      assertThat(urls.add(url)).as("each resource once: " + url).isTrue();
    }
    assertThat(urls).containsAll(exampleResources());
    assertThat(urls).hasSameSizeAs(exampleResources());
    assertThat(urls).contains("Patient/mrcc-solitary-lung", "Patient/pt-no-rcc", "Condition/sl-met-lung");
    assertThat(text(out).trim()).matches("loaded \\d+ example patients \\(" + urls.size()
        + " resources, 3 created, 0 updated\\) into " + java.util.regex.Pattern.quote(base()));
  }

  @Test
  void aRefusedTransactionExitsWithOneAndTheServersReason() {
    fhir.stubFor(post(urlPathMatching("/fhir/?")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/fhir+json")
        .withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\","
            + "\"diagnostics\":\"Resource type not supported\"}]}")));

    assertThat(run("load-examples", "--fhir-server=" + base())).isEqualTo(1);
    assertThat(text(err)).contains("HTTP 422").contains("Resource type not supported");
    assertThat(text(out)).isEmpty();
  }

  @Test
  void anUnreachableServerExitsWithOne() {
    String gone = base();
    fhir.stop();
    assertThat(run("load-examples", "--fhir-server", gone)).isEqualTo(1);
    assertThat(text(err)).startsWith("load-examples failed: cannot reach " + gone);
  }

  @Test
  void aMissingOrNonHttpServerUrlPrintsTheUsage() {
    assertThat(run("load-examples")).isEqualTo(1);
    assertThat(run("load-examples", "--fhir-server", "file:///etc/passwd")).isEqualTo(1);
    assertThat(text(err)).contains(LoadExamplesCommand.USAGE);
    assertThat(fhir.getAllServeEvents()).isEmpty();
  }

  @Test
  void onlyTheCommandNameSelectsTheCommand() {
    assertThat(LoadExamplesCommand.isRequested(new String[] {"load-examples"})).isTrue();
    assertThat(LoadExamplesCommand.isRequested(new String[] {"--server.port=8081"})).isFalse();
    assertThat(LoadExamplesCommand.isRequested(new String[0])).isFalse();
  }

  private int run(String... args) {
    return LoadExamplesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String base() {
    return "http://localhost:" + fhir.port() + "/fhir";
  }

  private static String text(ByteArrayOutputStream s) {
    return s.toString(StandardCharsets.UTF_8);
  }

  static String transactionResponse(String status, int entries) {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[");
    for (int i = 0; i < entries; i++) {
      b.append(i == 0 ? "" : ",").append("{\"response\":{\"status\":\"").append(status).append("\"}}");
    }
    return b.append("]}").toString();
  }

  /** Type/id of every resource in fhir-profiles/examples/, read straight from the files. */
  static Set<String> exampleResources() throws Exception {
    Set<String> out = new HashSet<>();
    try (Stream<Path> files = Files.list(Path.of("fhir-profiles/examples"))) {
      for (Path f : files.toList()) {
        for (JsonNode e : JSON.readTree(f.toFile()).path("entry")) {
          out.add(e.at("/resource/resourceType").asText() + "/" + e.at("/resource/id").asText());
        }
      }
    }
    return out;
  }
}
