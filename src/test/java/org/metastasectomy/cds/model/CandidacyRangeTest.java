package org.metastasectomy.cds.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The range of evidence-profile categories the unknown rules could still reach (issue 11, item 10), hand-calculated
 * from F (favourable met), U (unfavourable met) and the unknown rules of each direction: an unknown rule can only
 * raise the count of its own direction, so it widens the range only when that count is zero.
 */
class CandidacyRangeTest {

  @Test
  void unknownUnfavourableFactorsCannotMakeAnUnfavourableProfileFavourable() {
    // F = 0 (solitary known not met), U = 1, two unfavourable rules unknown: U stays >= 1, F stays 0.
    Assessment a = assessment(Candidacy.UNFAVOURABLE,
        notMet(RuleId.SOLITARY, Direction.FAVOURABLE),
        met(RuleId.MULTI_ORGAN, Direction.UNFAVOURABLE),
        unknown(RuleId.SARCOMATOID, Direction.UNFAVOURABLE),
        unknown(RuleId.HIGH_GRADE, Direction.UNFAVOURABLE));
    assertThat(a.reachableCandidacies()).containsExactly(Candidacy.UNFAVOURABLE);
    assertThat(a.candidacySettled()).isTrue();
  }

  @Test
  void unknownFavourableFactorsCannotMakeAFavourableProfileMixed() {
    // F = 1, U = 0 (brain known not met), one favourable rule unknown: U stays 0.
    Assessment a = assessment(Candidacy.FAVOURABLE,
        met(RuleId.SOLITARY, Direction.FAVOURABLE),
        notMet(RuleId.BRAIN_METASTASIS, Direction.UNFAVOURABLE),
        unknown(RuleId.LUNG_FEWER_THAN_7, Direction.FAVOURABLE));
    assertThat(a.reachableCandidacies()).containsExactly(Candidacy.FAVOURABLE);
    assertThat(a.candidacySettled()).isTrue();
  }

  @Test
  void withNothingMetEachUnknownDirectionOpensItsOwnCategories() {
    // F = 0, U = 0: one unknown of each direction reaches all four corners.
    Assessment a = assessment(Candidacy.INSUFFICIENT_DATA,
        unknown(RuleId.SOLITARY, Direction.FAVOURABLE),
        unknown(RuleId.SARCOMATOID, Direction.UNFAVOURABLE));
    assertThat(a.reachableCandidacies()).containsExactly(
        Candidacy.FAVOURABLE, Candidacy.MIXED, Candidacy.UNFAVOURABLE, Candidacy.INSUFFICIENT_DATA);

    // Only an unfavourable rule unknown: insufficient data or unfavourable, never favourable.
    Assessment b = assessment(Candidacy.INSUFFICIENT_DATA,
        notMet(RuleId.SOLITARY, Direction.FAVOURABLE),
        unknown(RuleId.SARCOMATOID, Direction.UNFAVOURABLE));
    assertThat(b.reachableCandidacies()).containsExactly(Candidacy.UNFAVOURABLE, Candidacy.INSUFFICIENT_DATA);
    assertThat(b.candidacySettled()).isFalse();
  }

  @Test
  void notApplicableIsSettledWhateverIsUnknown() {
    Assessment a = assessment(Candidacy.NOT_APPLICABLE, unknown(RuleId.SOLITARY, Direction.FAVOURABLE));
    assertThat(a.reachableCandidacies()).containsExactly(Candidacy.NOT_APPLICABLE);
    assertThat(a.candidacySettled()).isTrue();
  }

  private static Assessment assessment(Candidacy candidacy, RuleResult... rules) {
    return new Assessment(null, null, null, List.of(rules), candidacy, Fact.unknown(), Fact.unknown(), List.of(), "test");
  }

  private static RuleResult met(RuleId id, Direction d) {
    return result(id, d, FactorResult.decided(id, true, List.of()));
  }

  private static RuleResult notMet(RuleId id, Direction d) {
    return result(id, d, FactorResult.decided(id, false, List.of()));
  }

  private static RuleResult unknown(RuleId id, Direction d) {
    return result(id, d, FactorResult.unknown(id, Reason.NOT_RECORDED));
  }

  private static RuleResult result(RuleId id, Direction d, FactorResult r) {
    return new RuleResult(new RuleDefinition(id, id.name(), null, d, null, List.of(), null, null), r);
  }
}
