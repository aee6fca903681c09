package org.metastasectomy.cds.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The settings the application really reads, for tests of deployment files and of the settings table: every leaf of
 * {@link CdsProperties} (read from its record components) and every property Spring Boot declares in its configuration
 * metadata. Environment-variable forms follow Spring Boot's rule: dots to underscores, dashes removed, upper case,
 * list indexes as _0, _1.
 */
public final class SettingNames {
  /** A leaf of the cds.* tree: its property name (with [n] / .* for lists and maps), Java type and declared default. */
  public record Leaf(String property, String type, String defaultValue) {
    /** The environment-variable form, e.g. CDS_FHIR_ALLOWEDSERVERS_0 for cds.fhir.allowed-servers[0]. */
    public String env() {
      return property.replace("[n]", "_0").replace(".*", "_<KEY>").replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    Pattern envPattern() {
      String regex = Pattern.quote(property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT))
          .replace("[N]", "\\E_\\d+\\Q").replace("_*", "\\E_[A-Z0-9]+\\Q");
      return Pattern.compile(regex);
    }
  }

  private SettingNames() {}

  public static List<Leaf> cdsLeaves() {
    List<Leaf> out = new ArrayList<>();
    walk("cds", CdsProperties.class, out);
    return out;
  }

  private static void walk(String prefix, Class<?> record, List<Leaf> out) {
    RecordComponent[] components = record.getRecordComponents();
    Parameter[] parameters = canonicalConstructor(record).getParameters();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String name = prefix + "." + kebab(c.getName());
      // @DefaultValue sits on the constructor parameter the binder uses
      DefaultValue dv = parameters[i].getAnnotation(DefaultValue.class);
      String def = dv == null ? "" : String.join(",", dv.value());
      Type generic = c.getGenericType();
      if (c.getType().isRecord()) {
        walk(name, c.getType(), out);
      } else if (List.class.isAssignableFrom(c.getType()) && element(generic, 0).isRecord()) {
        walk(name + "[n]", element(generic, 0), out);
      } else if (Map.class.isAssignableFrom(c.getType()) && element(generic, 1).isRecord()) {
        walk(name + ".*", element(generic, 1), out);
      } else if (List.class.isAssignableFrom(c.getType())) {
        out.add(new Leaf(name + "[n]", "list of " + element(generic, 0).getSimpleName(), def));
      } else {
        out.add(new Leaf(name, c.getType().getSimpleName(), def));
      }
    }
  }

  private static Constructor<?> canonicalConstructor(Class<?> record) {
    Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return record.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> element(Type generic, int index) {
    Type arg = ((ParameterizedType) generic).getActualTypeArguments()[index];
    return arg instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) arg).getRawType();
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  public static boolean isCdsEnvName(String env) {
    return cdsLeaves().stream().anyMatch(l -> l.envPattern().matcher(env).matches());
  }

  /** Every property declared in the configuration metadata of the jars on the classpath, canonical (no dashes). */
  public static Set<String> springProperties() {
    Set<String> out = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/*spring-configuration-metadata.json");
      for (Resource f : files) {
        try (InputStream in = f.getInputStream()) {
          for (JsonNode p : json.readTree(in).path("properties")) {
            out.add(p.path("name").asText().replace("-", "").toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** True when Spring Boot would bind this environment variable to a declared property (lists as _0, maps as _KEY). */
  public static boolean isSpringEnvName(String env, Set<String> springProperties) {
    String dotted = env.toLowerCase(Locale.ROOT).replace('_', '.');
    if (springProperties.contains(dotted)) {
      return true;
    }
    // a list index or map key as the last part (SPRING_PROFILES_ACTIVE_0, MANAGEMENT_..._INCLUDE_0)
    int last = dotted.lastIndexOf('.');
    return last > 0 && springProperties.contains(dotted.substring(0, last));
  }

  /** Binds cds.* from environment variables exactly as the application would. */
  public static CdsProperties bind(Map<String, String> environment) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment)));
    return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("cds", Bindable.of(CdsProperties.class));
  }
}
