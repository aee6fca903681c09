package org.metastasectomy.cds.model;

/** Outcome of one factor. Missing data is always UNKNOWN, never NOT_MET. */
public enum FactorStatus {
  MET,
  NOT_MET,
  UNKNOWN;

  public static FactorStatus of(boolean met) {
    return met ? MET : NOT_MET;
  }
}
