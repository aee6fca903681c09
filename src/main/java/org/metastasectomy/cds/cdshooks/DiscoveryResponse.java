package org.metastasectomy.cds.cdshooks;

import java.util.List;

/** {@code {"services": [...]}}. */
public record DiscoveryResponse(List<ServiceDescriptor> services) {}
