package org.metastasectomy.cds.model.profile;

import java.util.ArrayList;
import java.util.List;
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.Site;
import org.metastasectomy.cds.model.Sources;

/** The references and sites of a set of metastasis Conditions. */
final class Metastases {
  private Metastases() {}

  static List<String> sources(List<Metastasis> metastases) {
    return Sources.join(metastases.stream().map(Metastasis::source).toList());
  }

  /** Each site once, in the order the Conditions were recorded. */
  static List<Site> sitesInRecordOrder(List<Metastasis> metastases) {
    List<Site> out = new ArrayList<>();
    metastases.stream().map(Metastasis::site).distinct().forEach(out::add);
    return out;
  }
}
