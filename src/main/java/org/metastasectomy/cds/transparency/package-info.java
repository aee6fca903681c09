/**
 * The public transparency pages: {@code /} (what the service does, its inputs and how they are mapped) and
 * {@code /rules} (every rule, cut-off, evidence and source), rendered once at start-up from the knowledge files. Cards
 * link to the anchors of {@code /rules}.
 */
package org.metastasectomy.cds.transparency;
