package org.metastasectomy.cds.transparency;

import org.metastasectomy.cds.knowledge.KnowledgeBase;

/**
 * The frame shared by the transparency pages: head, navigation and a footer with the model version. No external asset:
 * one small inline stylesheet, and an empty data: icon so the browser does not ask the service for /favicon.ico.
 */
final class PageLayout {
  private PageLayout() {}

  static final String INDEX_HREF = "./";
  static final String RULES_HREF = "rules";

  private static final String CSS = String.join("",
      "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;margin:0;background:#fff}",
      "header,main,footer{max-width:66rem;margin:0 auto;padding:0 1rem}",
      "header{border-bottom:1px solid #ccd;padding-top:.6rem;padding-bottom:.6rem}",
      "header nav a{margin-right:1.2rem;font-weight:600}",
      "h1{font-size:1.6rem;margin:1.2rem 0 .4rem}",
      "h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #dde;padding-bottom:.2rem}",
      "h3{font-size:1.08rem;margin:1.2rem 0 .3rem}",
      "h4{font-size:1rem;margin:0 0 .3rem}",
      "a{color:#0b57d0}",
      "table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.95rem}",
      "th,td{border:1px solid #ccd;padding:.3rem .5rem;text-align:left;vertical-align:top}",
      "table.inputs{font-size:.88rem}",
      "table.inputs td:nth-child(3){overflow-wrap:anywhere}",
      "td.service{width:30%}",
      "th{background:#f1f3f8}",
      ".rule{border:1px solid #ccd;border-left-width:6px;border-radius:4px;padding:.5rem .8rem;margin:.7rem 0}",
      ".favourable{border-left-color:#1a7f37}",
      ".unfavourable{border-left-color:#b42318}",
      ".warning{border-left-color:#b54708}",
      ".info{border-left-color:#0b57d0}",
      ".tag{display:inline-block;font-size:.78rem;font-weight:600;padding:0 .45rem;border-radius:3px;",
      "background:#eef1f8;margin-left:.5rem;vertical-align:middle}",
      "dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.3rem 0}",
      "dt{font-weight:600;color:#333}",
      "dd{margin:0}",
      "ul.sources{margin:0;padding-left:1.1rem}",
      ".note{background:#fff8e1;border:1px solid #f0d27a;padding:.5rem .8rem;border-radius:4px}",
      ":target{outline:3px solid #0b57d0;outline-offset:3px}",
      "svg{max-width:100%;height:auto}",
      "footer{border-top:1px solid #ccd;margin-top:2.5rem;padding-top:.6rem;padding-bottom:1.2rem;font-size:.9rem;color:#444}");

  /** Writes everything up to and including the opening of {@code <main>}. */
  static HtmlWriter start(String title) {
    HtmlWriter w = new HtmlWriter().doctype();
    w.open("html", "lang", "en").open("head");
    w.empty("meta", "charset", "utf-8");
    w.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    w.empty("meta", "name", "referrer", "content", "no-referrer");
    w.element("title", title + " — metastasectomy-cds");
    w.empty("link", "rel", "icon", "href", "data:,");
    w.style(CSS);
    w.close("head").open("body");
    w.open("header").open("nav", "aria-label", "Transparency pages");
    w.link(INDEX_HREF, "About this service").link(RULES_HREF, "Rules and evidence");
    w.close("nav").close("header");
    return w.open("main");
  }

  /** Closes {@code <main>} and writes the footer; returns the page. */
  static String finish(HtmlWriter w, KnowledgeBase knowledge) {
    w.close("main").open("footer").open("p");
    w.text("metastasectomy-cds, an open-source CDS Hooks service. Model " + knowledge.model().version()
        + ", released " + knowledge.model().releaseDate() + ", status: " + knowledge.status()
        + ". These pages contain no patient data.");
    w.close("p").close("footer");
    return w.close("body").close("html").html();
  }
}
