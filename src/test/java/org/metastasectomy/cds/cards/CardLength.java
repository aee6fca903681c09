package org.metastasectomy.cds.cards;

/**
 * How long a patient-view card's detail may be (issue 12 item 4), checked on the examples (CardsShowTheirWorkTest) and
 * on every vignette (VignetteTest). Measured with the rules page at https://cds.example.org/rules.
 */
public final class CardLength {
  /** The aim: a narrow EHR panel shows the recommendation and the factors without scrolling. */
  public static final int AIM = 1_200;
  /**
   * The bound for any card, cautions included: nothing that the issue requires (each IMDC/MSKCC factor with its value,
   * each deciding factor, each source, each caution) is left out to reach the aim, so a card with cautions, many
   * factors or many unknowns is longer. The longest today: vignette v30 and the multi-organ example, 1,767 characters.
   */
  public static final int WITH_CAUTIONS = 1_800;

  private CardLength() {}
}
