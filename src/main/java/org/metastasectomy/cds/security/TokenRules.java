package org.metastasectomy.cds.security;

import java.time.Duration;
import java.util.List;

/** What every token must meet, whoever issued it: the allowed algorithms, the clock skew and the longest lifetime. */
public record TokenRules(List<String> algorithms, Duration clockSkew, Duration maxLifetime) {}
