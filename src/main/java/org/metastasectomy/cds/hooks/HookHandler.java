package org.metastasectomy.cds.hooks;

import java.util.List;
import java.util.Set;
import org.metastasectomy.cds.cards.IssuedCard;

/** Answers the hooks it names (the "hook" of a service in cds-hooks/services/discovery.json) with cards. */
public interface HookHandler {
  Set<String> hooks();

  List<IssuedCard> answer(Invocation call);
}
