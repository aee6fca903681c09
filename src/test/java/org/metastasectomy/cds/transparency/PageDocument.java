package org.metastasectomy.cds.transparency;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A rendered page parsed as XML: the pages are written as polyglot HTML5, so a parse failure is a nesting or escaping
 * defect. Gives the ids and links of the page, or of one element.
 */
record PageDocument(Document document) {
  record Anchor(String href, String text) {}

  static PageDocument parse(String html) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setExpandEntityReferences(false);
      return new PageDocument(factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("page is not well-formed: " + e.getMessage(), e);
    }
  }

  List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (Element e : select("//*[@id]")) {
      ids.add(e.getAttribute("id"));
    }
    return ids;
  }

  Element byId(String id) {
    List<Element> found = select("//*[@id='" + id + "']");
    if (found.size() != 1) {
      throw new AssertionError("expected one element with id " + id + ", found " + found.size());
    }
    return found.get(0);
  }

  List<Anchor> links() {
    return links(document.getDocumentElement());
  }

  static List<Anchor> links(Element root) {
    List<Anchor> out = new ArrayList<>();
    NodeList as = root.getElementsByTagName("a");
    for (int i = 0; i < as.getLength(); i++) {
      Element a = (Element) as.item(i);
      out.add(new Anchor(a.getAttribute("href"), a.getTextContent()));
    }
    return out;
  }

  List<Element> select(String xpath) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
      List<Element> out = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        out.add((Element) nodes.item(i));
      }
      return out;
    } catch (Exception e) {
      throw new IllegalArgumentException(xpath, e);
    }
  }
}
