/**
 * metastasectomy-cds: a CDS Hooks 2.0 service for metastatic renal cell carcinoma. The application class and the
 * one-shot {@code load-examples} command live here; everything else is in packages named by concept, and
 * docs/architecture.md draws the map and lists the invariants ArchitectureTest holds.
 */
package org.metastasectomy.cds;
