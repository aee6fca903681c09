package org.metastasectomy.cds.knowledge;

/** The knowledge files are missing or inconsistent: the service must not start on them. */
public class KnowledgeException extends RuntimeException {
  public KnowledgeException(String message) {
    super(message);
  }

  public KnowledgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
