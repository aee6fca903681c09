/**
 * Spring wiring and the one typed configuration tree {@code cds.*} ({@link org.metastasectomy.cds.config.CdsProperties},
 * the single source of every default): which object gets which collaborator, and start-up checks of the production
 * profile. No domain logic.
 */
package org.metastasectomy.cds.config;
