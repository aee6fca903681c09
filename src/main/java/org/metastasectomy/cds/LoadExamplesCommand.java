package org.metastasectomy.cds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.metastasectomy.cds.config.FhirProfileFiles;
import org.metastasectomy.cds.reading.ExampleTransaction;

/**
 * {@code java -jar metastasectomy-cds.jar load-examples --fhir-server <base URL>}: loads the example patients of
 * fhir-profiles/examples/ into a FHIR R4 server as one transaction and exits (0 loaded, 1 not). No web server starts.
 */
final class LoadExamplesCommand {
  static final String NAME = "load-examples";
  static final String USAGE = "usage: java -jar metastasectomy-cds.jar load-examples --fhir-server <FHIR R4 base URL>";
  /** A fresh HAPI JPA server may need a while for a first transaction of a few hundred resources. */
  private static final int TIMEOUT_MS = 120_000;

  private LoadExamplesCommand() {}

  static boolean isRequested(String[] args) {
    return args.length > 0 && NAME.equals(args[0]);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String server = option(args, "--fhir-server");
    if (server == null || !isHttpUrl(server)) {
      err.println(USAGE);
      return 1;
    }
    FhirContext fhir = FhirContext.forR4();
    fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    fhir.getRestfulClientFactory().setSocketTimeout(TIMEOUT_MS);
    try {
      List<String> examples = List.copyOf(FhirProfileFiles.examples().values());
      Bundle transaction = ExampleTransaction.build(fhir, examples, server);
      IGenericClient client = fhir.newRestfulGenericClient(server);
      Bundle response = client.transaction().withBundle(transaction).execute();
      long patients = transaction.getEntry().stream().filter(e -> e.getResource().fhirType().equals("Patient")).count();
      out.println("loaded " + patients + " example patients (" + transaction.getEntry().size() + " resources, "
          + count(response, "201") + " created, " + count(response, "200") + " updated) into " + server);
      return 0;
    } catch (FhirClientConnectionException e) {
      err.println("load-examples failed: cannot reach " + server + " (" + rootCause(e) + ")");
      return 1;
    } catch (BaseServerResponseException e) {
      err.println("load-examples failed: " + server + " answered HTTP " + e.getStatusCode() + diagnostics(e));
      return 1;
    } catch (RuntimeException e) {
      err.println("load-examples failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private static long count(Bundle response, String status) {
    return response.getEntry().stream().filter(e -> e.getResponse().getStatus() != null
        && e.getResponse().getStatus().startsWith(status)).count();
  }

  private static String diagnostics(BaseServerResponseException e) {
    if (e.getOperationOutcome() instanceof OperationOutcome oo && oo.hasIssue()) {
      return " (" + oo.getIssueFirstRep().getDiagnostics() + ")";
    }
    return "";
  }

  private static String option(String[] args, String name) {
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    return null;
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = URI.create(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
