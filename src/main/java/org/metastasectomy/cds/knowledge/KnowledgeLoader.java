package org.metastasectomy.cds.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.metastasectomy.cds.evidence.CitationCatalogue;
import org.metastasectomy.cds.knowledge.KnowledgeFiles.ModelFile;
import org.metastasectomy.cds.knowledge.KnowledgeFiles.RiskModelEntry;
import org.metastasectomy.cds.knowledge.KnowledgeFiles.RuleEntry;
import org.metastasectomy.cds.model.Direction;
import org.metastasectomy.cds.model.ModelKnowledge;
import org.metastasectomy.cds.model.OrderRule;
import org.metastasectomy.cds.model.OrderRuleDefinition;
import org.metastasectomy.cds.model.ProfileRule;
import org.metastasectomy.cds.model.RiskFactor;
import org.metastasectomy.cds.model.RiskFactorDefinition;
import org.metastasectomy.cds.model.RiskModelDefinition;
import org.metastasectomy.cds.model.RuleDefinition;
import org.metastasectomy.cds.model.RuleId;
import org.metastasectomy.cds.model.Site;
import org.metastasectomy.cds.model.SurvivalRange;

/**
 * Loads cds-hooks/knowledge/*.yaml from the classpath and checks it: every rule and model cites known citations,
 * identifiers appear only on verified citations, every rule has an object in the engine and every object a rule
 * (RuleObjects), card summaries stay under 140 characters. Any violation is collected and reported at once.
 */
public final class KnowledgeLoader {
  static final String CITATIONS = "cds-hooks/knowledge/citations.yaml";
  static final String MODEL = "cds-hooks/knowledge/model.yaml";

  private final ObjectMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final List<String> problems = new ArrayList<>();
  private final RuleObjects objects = new RuleObjects(problems);

  public static KnowledgeBase loadFromClasspath() {
    KnowledgeLoader loader = new KnowledgeLoader();
    return loader.load(read(CITATIONS), read(MODEL));
  }

  private static InputStream read(String path) {
    InputStream in = KnowledgeLoader.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new KnowledgeException("knowledge file " + path + " is not on the classpath");
    }
    return in;
  }

  public KnowledgeBase load(InputStream citationsYaml, InputStream modelYaml) {
    KnowledgeFiles.CitationsFile citationsFile;
    ModelFile model;
    try (citationsYaml; modelYaml) {
      citationsFile = yaml.readValue(citationsYaml, KnowledgeFiles.CitationsFile.class);
      model = yaml.readValue(modelYaml, ModelFile.class);
    } catch (IOException e) {
      throw new KnowledgeException("knowledge file is not valid: " + e.getMessage(), e);
    }
    CitationCatalogue catalogue = CitationsCheck.catalogue(citationsFile, problems);
    KnowledgeBase base = build(model, catalogue);
    if (!problems.isEmpty()) {
      throw new KnowledgeException("knowledge files failed validation:\n - " + String.join("\n - ", problems));
    }
    return base;
  }

  private KnowledgeBase build(ModelFile m, CitationCatalogue catalogue) {
    require(m.version() != null && m.releaseDate() != null, "model.yaml needs version and releaseDate");
    List<RuleDefinition> rules = new ArrayList<>();
    Map<RuleId, KnowledgeBase.RuleExplanation> explanations = new LinkedHashMap<>();
    for (RuleEntry r : nonNull(m.rules(), "rules")) {
      checkCitations("rule " + r.id(), r.citations(), catalogue);
      ProfileRule logic = objects.profile(r.id(), "rule");
      require(r.label() != null && r.toDocument() != null && r.evidence() != null,
          "rule " + r.id() + " needs label, evidence and toDocument");
      Direction direction = parse(Direction.class, r.direction(), "rule " + r.id() + " direction");
      Site site = r.site() == null ? null : parse(Site.class, r.site(), "rule " + r.id() + " site");
      if (logic != null) {
        rules.add(new RuleDefinition(logic.id(), r.label(), site, direction, r.threshold(), orEmpty(r.citations()),
            r.toDocument(), logic));
        explanations.put(logic.id(), new KnowledgeBase.RuleExplanation(r.factor(), r.evidence()));
      }
    }
    Map<Site, SurvivalRange> survival = new EnumMap<>(Site.class);
    for (KnowledgeFiles.SurvivalEntry s : nonNull(m.survival(), "survival")) {
      checkCitations("survival " + s.site(), s.citations(), catalogue);
      Site site = parse(Site.class, s.site(), "survival site");
      if (site != null && s.low() != null && s.high() != null) {
        survival.put(site, new SurvivalRange(site, s.low(), s.high(), s.note(), orEmpty(s.citations())));
      }
    }
    List<OrderRuleDefinition> orderRules = new ArrayList<>();
    for (KnowledgeFiles.OrderRuleEntry o : nonNull(m.orderRules(), "orderRules")) {
      checkCitations("order rule " + o.id(), o.citations(), catalogue);
      require(Set.of("info", "warning").contains(o.indicator()), "order rule " + o.id() + ": indicator must be info or warning");
      int limit = o.summary() != null && o.summary().contains("{order}") ? 100 : 140;
      require(o.summary() != null && o.summary().length() < limit,
          "order rule " + o.id() + ": summary must be under " + limit + " characters (100 when it names the order)");
      OrderRule logic = objects.orderRule(o.id(), "order rule");
      if (logic != null) {
        orderRules.add(new OrderRuleDefinition(logic.id(), o.indicator(), o.summary(), o.detail(), o.threshold(),
            orEmpty(o.citations()), logic));
      }
    }
    checkCitations("synchronous cut-off", m.synchronousCitations(), catalogue);
    KnowledgeFiles.TextEntry perioperative =
        m.perioperative() == null ? new KnowledgeFiles.TextEntry("", List.of()) : m.perioperative();
    checkCitations("perioperative", perioperative.citations(), catalogue);
    require(m.synchronousCutoffMonths() != null && m.synchronousCutoffMonths() >= 0, "synchronousCutoffMonths must be ≥ 0");
    RiskModelDefinition imdc = riskModel("IMDC", m.imdc(), catalogue);
    RiskModelDefinition mskcc = riskModel("MSKCC", m.mskcc(), catalogue);
    objects.checkEveryObjectIsDefined();
    ModelKnowledge knowledge = new ModelKnowledge(m.version(), m.releaseDate(), rules, imdc, mskcc, survival,
        m.synchronousCutoffMonths() == null ? 0 : m.synchronousCutoffMonths(), orderRules);
    return new KnowledgeBase(knowledge, catalogue, m.status(), m.candidacyRule(), explanations,
        orEmpty(m.synchronousCitations()), perioperative.text(), orEmpty(perioperative.citations()), m.limitations());
  }

  private RiskModelDefinition riskModel(String id, RiskModelEntry e, CitationCatalogue catalogue) {
    if (e == null) {
      problems.add("model " + id + " is missing");
      return new RiskModelDefinition(id, id, List.of(), 1, 3, List.of());
    }
    checkCitations("model " + id, e.citations(), catalogue);
    List<RiskFactorDefinition> factors = new ArrayList<>();
    for (KnowledgeFiles.RiskFactorEntry f : nonNull(e.factors(), id + " factors")) {
      RiskFactor logic = objects.riskFactor(f.id(), id + " factor");
      if (logic != null) {
        factors.add(new RiskFactorDefinition(logic.id(), f.label(), f.threshold(), logic));
      }
    }
    require(e.intermediateFrom() != null && e.poorFrom() != null && e.intermediateFrom() < e.poorFrom(),
        id + " needs intermediateFrom < poorFrom");
    return new RiskModelDefinition(id, e.name(), factors,
        e.intermediateFrom() == null ? 1 : e.intermediateFrom(), e.poorFrom() == null ? 3 : e.poorFrom(), orEmpty(e.citations()));
  }

  private void checkCitations(String where, List<String> ids, CitationCatalogue catalogue) {
    if (ids == null || ids.isEmpty()) {
      problems.add(where + " cites nothing");
      return;
    }
    for (String id : ids) {
      require(catalogue.find(id).isPresent(), where + " cites unknown citation '" + id + "'");
    }
  }

  private <E extends Enum<E>> E parse(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, String.valueOf(value));
    } catch (IllegalArgumentException e) {
      problems.add(where + ": '" + value + "' is not one of " + List.of(type.getEnumConstants()));
      return null;
    }
  }

  private void require(boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  private <T> List<T> nonNull(List<T> list, String what) {
    if (list == null) {
      problems.add(what + " is missing");
      return List.of();
    }
    return list;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
