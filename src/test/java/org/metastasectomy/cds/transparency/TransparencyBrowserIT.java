package org.metastasectomy.cds.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The transparency pages in a real browser (Debian's headless Chromium through chromedriver): they render, the anchors
 * that real cards link to exist and are displayed, and the browser logs no error (the content security policy forbids
 * scripts and outside assets, so a violation would show here). Skipped, with a message, where Chromium is not installed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:transparency-browser;DB_CLOSE_DELAY=-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransparencyBrowserIT {
  /** Debian's packages chromium and chromium-driver; -Dchromium.binary / -Dchromedriver.binary point elsewhere. */
  static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  static final String SKIPPED = "chromium/chromedriver not installed: browser test skipped";
  /** A card link into the rules page, e.g. {@code …/rules#rule-SOLITARY}, as markdown or as a link URL. */
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)");

  private static ChromeDriverService service;
  private static ChromeDriver browser;
  private static Path profile;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  /** The examples assume evaluation on 2026-11-27 (cds-hooks/examples/README.md): labs and ECOG/KPS fall in the look-back. */
  @TestConfiguration
  static class PinnedClock {
    @Bean
    @Primary
    Clock pinnedClock() {
      return Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    }
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      System.out.println("TransparencyBrowserIT: " + SKIPPED);
    }
    Assumptions.assumeTrue(installed, SKIPPED);
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--window-size=1280,1600", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // The driver path is given to the service, so Selenium Manager is skipped and never downloads anything.
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void overviewPageRendersWithoutConsoleErrors() throws IOException {
    browser.get(base() + "/");
    assertThat(browser.getTitle()).startsWith("About this service");
    assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
    for (String section : List.of("intended-use", "not-for", "inputs", "source-attributes")) {
      assertThat(browser.findElement(By.id(section)).isDisplayed()).as(section).isTrue();
    }
    screenshot("transparency-index.png");
    browser.get(base() + "/#inputs");
    screenshot("transparency-index-inputs.png");
    browser.get(base() + "/#source-attributes");
    screenshot("transparency-index-source-attributes.png");
    assertNoConsoleErrors("/");
  }

  /**
   * Without this, "no console errors" could pass because nothing is captured: a missing page must be logged. Runs last,
   * since the browser may log the error page's own favicon request later.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void consoleErrorsAreCaptured() {
    browser.get(base() + "/no-such-page");
    List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
    assertThat(entries).anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.SEVERE));
  }

  @Test
  void anchorsFromRealPatientViewCardsResolveOnTheRulesPage() throws Exception {
    JsonNode cards = invoke("metastasectomy-patient-view", "solitary-lung-favourable");
    Set<URI> links = serviceLinks(cards);
    assertThat(links).extracting(URI::getFragment).contains("rule-SOLITARY");
    openEach(links);
    browser.get(base() + "/rules#rule-SOLITARY");
    screenshot("transparency-rules-solitary.png");
    browser.get(base() + "/rules#survival");
    screenshot("transparency-rules-survival.png");
    assertNoConsoleErrors("/rules");
  }

  /** An EHR side panel: 400 px wide, its first screen 800 px high. */
  static final int PANEL_WIDTH = 400;
  static final int PANEL_FOLD = 800;

  /**
   * A real patient-view card's Markdown rendered as a narrow EHR panel would (PanelMarkdown, no network): the
   * recommendation and the list of factors that decided the category are visible without scrolling (issue 12 item 4).
   */
  @Test
  void patientViewCardInANarrowPanelShowsTheFactorsAboveTheFold() throws Exception {
    JsonNode card = invoke("metastasectomy-patient-view", "solitary-lung-favourable").get(0);
    String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>panel</title><style>"
        + "body{margin:0;font:14px/1.4 sans-serif} #panel{width:" + PANEL_WIDTH + "px;height:" + PANEL_FOLD + "px;"
        + "overflow:auto;padding:8px;box-sizing:border-box;border:1px solid #999} ul{padding-left:18px}</style></head>"
        + "<body><div id=\"panel\"><h3 id=\"summary\">" + card.path("summary").asText().replace("&", "&amp;").replace("<", "&lt;") + "</h3><div id=\"detail\">"
        + PanelMarkdown.toHtml(card.path("detail").asText()) + "</div></div></body></html>";
    browser.get("data:text/html;charset=utf-8;base64,"
        + java.util.Base64.getEncoder().encodeToString(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    WebElement panel = browser.findElement(By.id("panel"));
    assertThat(panel.getRect().getWidth()).isEqualTo(PANEL_WIDTH);
    WebElement recommendation = browser.findElement(By.cssSelector("#detail p strong"));
    assertThat(recommendation.getText()).startsWith("Consider tumour board review");
    WebElement factors = browser.findElement(By.xpath("//li[contains(., 'Solitary metastasis')]/.."));
    int bottom = factors.getRect().getY() + factors.getRect().getHeight();
    assertThat(bottom - panel.getRect().getY()).as("the factor list ends above the panel's fold").isLessThanOrEqualTo(PANEL_FOLD);
    WebElement risk = browser.findElement(By.xpath("//p[strong[starts-with(., 'IMDC')]]"));
    assertThat(risk.getRect().getY() - panel.getRect().getY()).as("IMDC and MSKCC start above the fold").isLessThan(PANEL_FOLD);
    assertThat(browser.findElement(By.id("detail")).getText()).doesNotContain("**", "Condition/", "Observation/");
    screenshot("card-panel-400px.png");
  }

  @Test
  void anchorsFromRealOrderCardsResolveOnTheRulesPage() throws Exception {
    JsonNode cards = invoke("metastasectomy-order-sign", "order-sign-adjuvant-pazopanib");
    Set<URI> links = serviceLinks(cards);
    assertThat(links).extracting(URI::getFragment).contains("order-ADJUVANT_AFTER_METASTASECTOMY");
    openEach(links);
    browser.get(base() + "/rules#order-ADJUVANT_AFTER_METASTASECTOMY");
    screenshot("transparency-rules-order.png");
  }

  @Test
  void pagesForbidScriptsAndOutsideAssets() throws Exception {
    for (String path : List.of("/", "/rules")) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
      assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
          .contains("default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:").doesNotContain("script-src"));
      assertThat(r.body()).doesNotContain("<script", "src=\"http");
    }
  }

  /** Opens each link in the browser: the page must be the rules page and the fragment's element must be displayed. */
  private void openEach(Set<URI> links) {
    for (URI link : links) {
      assertThat(link.getRawQuery()).as("no patient data in " + link).isNull();
      browser.get(link.toString());
      assertThat(browser.getTitle()).as(link.toString()).startsWith("Rules and evidence");
      if (link.getFragment() != null) {
        WebElement target = browser.findElement(By.id(link.getFragment()));
        assertThat(target.isDisplayed()).as(link.toString()).isTrue();
      }
      assertNoConsoleErrors(link.toString());
    }
  }

  private JsonNode invoke(String serviceId, String example) throws Exception {
    String body = Files.readString(Path.of("cds-hooks/examples", example, "request.json"));
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base() + "/cds-services/" + serviceId))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode cards = json.readTree(r.body()).path("cards");
    assertThat(cards.size()).as("cards fire for " + example).isPositive();
    return cards;
  }

  /** Every link of the cards that points at this service: link URLs, source URLs and links inside the detail. */
  private Set<URI> serviceLinks(JsonNode cards) {
    List<String> urls = new ArrayList<>();
    for (JsonNode card : cards) {
      card.path("links").forEach(l -> urls.add(l.path("url").asText()));
      urls.add(card.path("source").path("url").asText());
      Matcher m = MARKDOWN_LINK.matcher(card.path("detail").asText());
      while (m.find()) {
        urls.add(m.group(1));
      }
    }
    Set<URI> own = new LinkedHashSet<>();
    urls.stream().filter(u -> u.startsWith(base() + "/")).map(URI::create).forEach(own::add);
    assertThat(own).isNotEmpty();
    return own;
  }

  private void assertNoConsoleErrors(String where) {
    List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(severe).as("browser console errors on " + where).isEmpty();
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of("target", name);
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
