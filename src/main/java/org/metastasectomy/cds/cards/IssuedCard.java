package org.metastasectomy.cds.cards;

import org.metastasectomy.cds.cdshooks.Card;

/** A card with its type, so the audit can link later feedback to the recommendation and the patient. */
public record IssuedCard(Card card, CardType type) {}
