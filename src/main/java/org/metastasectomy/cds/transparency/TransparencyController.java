package org.metastasectomy.cds.transparency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the transparency pages for clinicians: {@code /} (what the service is for and reads) and {@code /rules}
 * (every rule and its evidence; cards link to its anchors). The policy forbids every script and every outside asset.
 */
@Controller
public class TransparencyController {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
  private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final TransparencyPages pages;

  public TransparencyController(TransparencyPages pages) {
    this.pages = pages;
  }

  @GetMapping("/")
  public ResponseEntity<String> index() {
    return html(pages.index());
  }

  @GetMapping("/rules")
  public ResponseEntity<String> rules() {
    return html(pages.rules());
  }

  private static ResponseEntity<String> html(String page) {
    return ResponseEntity.ok()
        .contentType(HTML_UTF8)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("Referrer-Policy", "no-referrer")
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .body(page);
  }
}
