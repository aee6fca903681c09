package org.metastasectomy.cds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.metastasectomy.cds.intake.FetchSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Tests that say "with the shipped settings" (RealFhirServerIT, the intake unit tests) use FetchSettings.defaults();
 * this keeps it equal to what the service really starts with: CdsProperties bound from nothing.
 */
class FetchSettingsDefaultsTest {

  @Test
  void fetchSettingsDefaultsAreTheShippedDefaults() {
    CdsProperties shipped = new Binder(List.of(new MapConfigurationPropertySource(Map.of())))
        .bindOrCreate("cds", Bindable.of(CdsProperties.class));

    assertThat(EhrFhirConfiguration.fetchSettings(shipped.fhir())).isEqualTo(FetchSettings.defaults());
  }
}
