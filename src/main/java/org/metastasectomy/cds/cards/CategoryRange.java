package org.metastasectomy.cds.cards;

import java.util.EnumSet;
import java.util.Set;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Candidacy;
import org.metastasectomy.cds.model.Direction;

/**
 * The categories the evidence profile could still take once its unknown rules are known (issue 11 item 10, the
 * completeness rule): F can rise by the unknown favourable rules and U by the unknown unfavourable ones, and the
 * category depends only on whether each is zero, so the four corners give every reachable category.
 */
final class CategoryRange {
  private CategoryRange() {}

  static Set<Candidacy> reachable(Assessment a) {
    if (!a.applicable()) {
      return EnumSet.of(Candidacy.NOT_APPLICABLE);
    }
    long f = a.favourableMet().size();
    long u = a.unfavourableMet().size();
    long fUnknown = a.unknown().stream().filter(r -> r.rule().direction() == Direction.FAVOURABLE).count();
    long uUnknown = a.unknown().stream().filter(r -> r.rule().direction() == Direction.UNFAVOURABLE).count();
    Set<Candidacy> out = EnumSet.noneOf(Candidacy.class);
    for (long ff : new long[] {f, f + fUnknown}) {
      for (long uu : new long[] {u, u + uUnknown}) {
        out.add(Candidacy.of(ff, uu));
      }
    }
    return out;
  }

  /** "" when settled, else " — could still be mixed or unfavourable once 3 unknown factors are known". */
  static String text(Assessment a) {
    Set<Candidacy> others = EnumSet.copyOf(reachable(a));
    others.remove(a.candidacy());
    if (others.isEmpty()) {
      return "";
    }
    return "; could still be " + String.join(" or ", others.stream().map(Candidacy::label).toList())
        + " once " + a.unknown().size() + " unknown factor" + (a.unknown().size() == 1 ? " is" : "s are") + " known";
  }
}
