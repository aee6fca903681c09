package org.metastasectomy.cds.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of a JSON request: structural ones on the tree (delete, replace with another type,
 * huge numbers, hostile unicode, deep nesting, null prefetch) and textual ones on the bytes (duplicate keys,
 * truncation, random bytes). Each mutant carries a description so a failure names what was sent.
 */
final class Mutator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] NASTY_STRINGS = {
      "", " ", "\u0000", "\uD800", "\uDFFF\uD800", "\u202E\u202Dpatient", "💥🧬", "e\u0301\u0301\u0301\u0301",
      "\uFEFF", "\r\n\t", "null", "{{context.patientId}}", "Patient/../../x", "%00", "'; DROP TABLE feedback; --",
      "${jndi:ldap://x}", "a".repeat(70_000), "\u00e9\u00e8\u4e2d\u6587", "http://169.254.169.254/latest/meta-data"};
  private static final JsonNode[] HUGE_NUMBERS = {
      F.numberNode(new BigDecimal("1e999")), F.numberNode(new BigDecimal("-1e999")),
      F.numberNode(new BigInteger("123456789012345678901234567890123456789")), F.numberNode(Long.MIN_VALUE),
      F.numberNode(Double.MAX_VALUE), F.numberNode(new BigDecimal("1e-999")), F.numberNode(-0.0)};

  /** One mutated request body and what was done to it. */
  record Mutant(byte[] body, String description) {}

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  Mutant mutate(JsonNode original) {
    JsonNode tree = original.deepCopy();
    List<String> done = new ArrayList<>();
    int structural = 1 + random.nextInt(3);
    for (int i = 0; i < structural; i++) {
      done.add(mutateTree(tree));
    }
    String text = tree.toString();
    if (random.nextInt(3) == 0) {
      return textual(text, done);
    }
    return new Mutant(text.getBytes(StandardCharsets.UTF_8), String.join("; ", done));
  }

  private String mutateTree(JsonNode tree) {
    List<Slot> slots = new ArrayList<>();
    collect(tree, slots, "$", 0);
    if (slots.isEmpty()) {
      return "nothing to mutate";
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    return switch (random.nextInt(7)) {
      case 0 -> {
        slot.delete();
        yield "deleted " + slot.path;
      }
      case 1 -> {
        JsonNode value = otherType(slot.get());
        slot.set(value);
        yield "type swap at " + slot.path + " -> " + abbreviate(value);
      }
      case 2 -> {
        slot.set(HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]);
        yield "huge number at " + slot.path;
      }
      case 3 -> {
        String s = NASTY_STRINGS[random.nextInt(NASTY_STRINGS.length)];
        slot.set(F.textNode(s));
        yield "unicode/hostile string at " + slot.path + " -> " + abbreviate(F.textNode(s));
      }
      case 4 -> {
        slot.set(nested(50 + random.nextInt(100)));
        yield "deep nesting at " + slot.path;
      }
      case 5 -> {
        slot.set(slot.get().deepCopy());
        if (slot.parent instanceof ArrayNode a) {
          a.add(slot.get().deepCopy());
        }
        yield "duplicated array element at " + slot.path;
      }
      default -> {
        JsonNode prefetch = tree.path("prefetch");
        if (prefetch instanceof ObjectNode p && p.size() > 0) {
          List<String> keys = new ArrayList<>();
          p.fieldNames().forEachRemaining(keys::add);
          String key = keys.get(random.nextInt(keys.size()));
          JsonNode replacement = random.nextBoolean() ? F.nullNode()
              : F.objectNode().put("resourceType", random.nextBoolean() ? "OperationOutcome" : "Basic");
          p.set(key, replacement);
          yield "prefetch." + key + " -> " + replacement;
        }
        slot.set(F.nullNode());
        yield "null at " + slot.path;
      }
    };
  }

  private Mutant textual(String text, List<String> done) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(3)) {
      case 0 -> {
        int cut = random.nextInt(bytes.length);
        done.add("truncated at byte " + cut);
        return new Mutant(java.util.Arrays.copyOf(bytes, cut), String.join("; ", done));
      }
      case 1 -> {
        int flips = 1 + random.nextInt(10);
        for (int i = 0; i < flips; i++) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        done.add(flips + " random bytes");
        return new Mutant(bytes, String.join("; ", done));
      }
      default -> {
        int at = text.indexOf("\":", random.nextInt(Math.max(1, text.length())));
        if (at < 0) {
          at = text.indexOf("\":");
        }
        int keyStart = text.lastIndexOf('"', at - 1);
        if (at < 0 || keyStart < 0) {
          done.add("no key to duplicate");
          return new Mutant(bytes, String.join("; ", done));
        }
        String key = text.substring(keyStart, at + 2);
        String duplicate = key + (random.nextBoolean() ? "\"duplicate\"" : "{\"resourceType\":\"Patient\"}") + ",";
        done.add("duplicated key " + key);
        String out = text.substring(0, keyStart) + duplicate + text.substring(keyStart);
        return new Mutant(out.getBytes(StandardCharsets.UTF_8), String.join("; ", done));
      }
    }
  }

  private JsonNode otherType(JsonNode current) {
    List<JsonNode> options = new ArrayList<>(List.of(F.textNode("x"), F.numberNode(random.nextInt()), F.booleanNode(true),
        F.nullNode(), F.arrayNode().add("x"), F.objectNode().put("x", 1), F.arrayNode(), F.objectNode()));
    options.removeIf(o -> o.getNodeType() == current.getNodeType());
    return options.get(random.nextInt(options.size()));
  }

  private static JsonNode nested(int depth) {
    ArrayNode root = F.arrayNode();
    ArrayNode current = root;
    for (int i = 1; i < depth; i++) {
      current = current.addArray();
    }
    return root;
  }

  private static String abbreviate(JsonNode value) {
    String s = value.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** A place in the tree: an object field or an array element, with its path for the failure message. */
  private record Slot(JsonNode parent, String field, int index, String path) {
    JsonNode get() {
      return parent instanceof ObjectNode o ? o.get(field) : ((ArrayNode) parent).get(index);
    }

    void set(JsonNode value) {
      if (parent instanceof ObjectNode o) {
        o.set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    void delete() {
      if (parent instanceof ObjectNode o) {
        o.remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  /** Collects slots, favouring the request's top levels (context, prefetch keys) over deep resource internals. */
  private void collect(JsonNode node, List<Slot> out, String path, int depth) {
    if (node instanceof ObjectNode o) {
      o.fields().forEachRemaining(e -> {
        String p = path + "." + e.getKey();
        int weight = depth < 3 ? 8 : 1;
        for (int w = 0; w < weight; w++) {
          out.add(new Slot(o, e.getKey(), -1, p));
        }
        collect(e.getValue(), out, p, depth + 1);
      });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Slot(a, null, i, path + "[" + i + "]"));
        collect(a.get(i), out, path + "[" + i + "]", depth + 1);
      }
    }
  }
}
