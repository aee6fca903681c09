package org.metastasectomy.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.metastasectomy.cds.support.Examples;

/** Hook calls to the service under test, with prefetch or with the service fetching from the real FHIR server. */
final class RealFhirCalls {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  RealFhirCalls(int port) {
    this.port = port;
  }

  /** The request without prefetch, for the service to fetch everything from {@code fhirServer} with the EHR's token. */
  static ObjectNode fallback(ObjectNode request, String fhirServer) {
    ObjectNode fallback = request.deepCopy();
    fallback.remove("prefetch");
    fallback.put("fhirServer", fhirServer);
    fallback.putObject("fhirAuthorization").put("access_token", "real-server-test-token").put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "cds");
    return fallback;
  }

  Reply post(ObjectNode request) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cds-services/" + Examples.serviceFor(request)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString())).build();
    long start = System.nanoTime();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Reply(res.statusCode(), res.body(), withoutUuids(JSON.readTree(res.body()).path("cards")), millis);
  }

  private static JsonNode withoutUuids(JsonNode cards) throws Exception {
    return JSON.readTree(cards.toString().replaceAll("\"uuid\":\"[0-9a-f-]{36}\"", "\"uuid\":\"<uuid>\""));
  }

  /** @param cards the cards with their uuids blanked, so that two answers compare by content */
  record Reply(int status, String body, JsonNode cards, long millis) {}
}
