package org.metastasectomy.cds.model;

/** Whether a met factor speaks for (favourable) or against (unfavourable) benefit from metastasectomy. */
public enum Direction {
  FAVOURABLE,
  UNFAVOURABLE
}
