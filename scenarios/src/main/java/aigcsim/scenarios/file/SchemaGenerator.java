package aigcsim.scenarios.file;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Generates, from the {@link ScenarioFile} records and their {@link Field} declarations, the JSON Schema of the
 * scenario format (for editors' completion and checks) and the Markdown scenario reference (every field with its
 * type, unit, default and meaning). Defaults are those the resolver fills in, read off resolved example scenarios.
 */
public final class SchemaGenerator {
    /** Defaults that depend on the machine (one worker per core): described in words, not as a number. */
    private static final Set<String> MACHINE_DEPENDENT = Set.of("compute.workers");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SchemaGenerator() {
    }

    /** The JSON Schema (draft 2020-12) of a scenario file. */
    public static String jsonSchema() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "aigcsim scenario");
        root.put("description", "A scenario of the aigcsim simulator. Quantities are SI numbers with the unit in the "
                + "field name. Every field may be left out: it then takes its default.");
        root.putAll(schema(ScenarioFile.class, "", defaults()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> schema(Type t, String path, Map<String, JsonNode> defaults) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (t instanceof Class<?> c && c.isRecord()) {
            s.put("type", "object");
            Map<String, Object> props = new LinkedHashMap<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                String p = YamlTree.child(path, FieldSchema.name(rc));
                Map<String, Object> ps = schema(rc.getGenericType(), p, defaults);
                Field f = rc.getAnnotation(Field.class);
                if (f != null) {
                    constrain(ps, f, p);
                }
                JsonNode d = defaults.get(p);
                if (d != null && !d.isContainerNode() && !MACHINE_DEPENDENT.contains(p)) {
                    ps.put("default", d);
                }
                props.put(FieldSchema.name(rc), ps);
            }
            s.put("properties", props);
            s.put("additionalProperties", false);
        } else if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            s.put("type", "array");
            s.put("items", schema(pt.getActualTypeArguments()[0], path + "[i]", defaults));
        } else if (t instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
            s.put("type", "object");
            s.put("additionalProperties", schema(pt.getActualTypeArguments()[1], path + ".*", defaults));
        } else if (t == Double.class) {
            s.put("type", "number");
        } else if (t == Integer.class || t == Long.class) {
            s.put("type", "integer");
        } else if (t == String.class) {
            s.put("type", "string");
        } else {
            s.put("type", List.of("number", "string", "boolean"));
        }
        return s;
    }

    private static void constrain(Map<String, Object> s, Field f, String path) {
        s.put("description", f.doc());
        if (path.equals("run.warmupS")) {
            s.remove("type");
            Map<String, Object> number = new LinkedHashMap<>();
            number.put("type", "number");
            number.put("minimum", 0);
            s.put("anyOf", List.of(number, Map.of("const", ScenarioResolver.AUTO)));
            return;
        }
        if (f.allowed().length > 0) {
            s.put("enum", Arrays.asList(f.allowed()));
        }
        if (f.min() != Double.NEGATIVE_INFINITY) {
            s.put(f.minExclusive() ? "exclusiveMinimum" : "minimum", number(f.min()));
        }
        if (f.max() != Double.POSITIVE_INFINITY) {
            s.put(f.maxExclusive() ? "exclusiveMaximum" : "maximum", number(f.max()));
        }
    }

    private static Number number(double x) {
        return x == Math.rint(x) ? (Number) (long) x : (Number) x;
    }

    /** The Markdown scenario reference: every field, its type, unit, default, allowed values and meaning. */
    public static String markdown() {
        Map<String, JsonNode> defaults = defaults();
        StringBuilder md = new StringBuilder();
        md.append("# Scenario reference\n\n")
                .append("Generated from the scenario format by `aigcsim schema --format markdown`; do not edit by "
                        + "hand. Every field may be left out and then takes the default shown. Quantities are SI "
                        + "numbers with the unit in the field name. The JSON Schema of the same format is "
                        + "`scenarios/aigcsim-scenario.schema.json`. Papers are cited by short name: SemAIGC = "
                        + "*A Wireless AI-Generated Content (AIGC) Provisioning Framework Empowered by Semantic "
                        + "Communication*; ROUTE = *A Semantic Communication-Based Workload-Adjustable Transceiver "
                        + "for Wireless AI-Generated Content (AIGC) Delivery*; GSC / MU-GSC = *Semantic Successive "
                        + "Refinement: A Generative AI-aided Semantic Communication Framework*.\n\n")
                .append("| field | type | unit | default | allowed | meaning |\n")
                .append("|---|---|---|---|---|---|\n");
        rows(ScenarioFile.class, "", defaults, md);
        return md.toString();
    }

    private static void rows(Type t, String path, Map<String, JsonNode> defaults, StringBuilder md) {
        if (!(t instanceof Class<?> c && c.isRecord())) {
            return;
        }
        for (RecordComponent rc : c.getRecordComponents()) {
            String p = YamlTree.child(path, FieldSchema.name(rc));
            Type gt = rc.getGenericType();
            Field f = rc.getAnnotation(Field.class);
            Type element = gt instanceof ParameterizedType pt && pt.getRawType() == List.class
                    ? pt.getActualTypeArguments()[0] : null;
            boolean nested = gt instanceof Class<?> k && k.isRecord()
                    || element instanceof Class<?> e && e.isRecord();
            if (f != null || !nested) {
                JsonNode d = defaults.get(p);
                String def = MACHINE_DEPENDENT.contains(p) ? "one per core"
                        : d == null || d.isContainerNode() ? "" : "`" + d.asText() + "`";
                String allowed = f == null ? "" : f.allowed().length > 0 ? String.join(", ", f.allowed())
                        : FieldSchema.range(f).equals("finite") ? "" : FieldSchema.range(f);
                md.append("| `").append(p).append("` | ").append(typeName(gt)).append(" | ").append(unit(p))
                        .append(" | ").append(def).append(" | ").append(allowed).append(" | ")
                        .append(f == null ? "" : f.doc().replace("|", "\\|")).append(" |\n");
            }
            if (nested) {
                rows(element != null ? element : gt, element != null ? p + "[i]" : p, defaults, md);
            }
        }
    }

    private static String typeName(Type t) {
        if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            return "list of " + typeName(pt.getActualTypeArguments()[0]);
        }
        if (t instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
            return "map of path to list";
        }
        if (t == Double.class) {
            return "number";
        }
        if (t == Integer.class || t == Long.class) {
            return "integer";
        }
        if (t == String.class) {
            return "text";
        }
        return t instanceof Class<?> c && c.isRecord() ? "map" : "value";
    }

    /** The unit a field's name carries. */
    static String unit(String path) {
        String n = path.substring(path.lastIndexOf('.') + 1);
        String[][] suffixes = {{"PerS", "1/s"}, {"Mps", "m/s"}, {"Hz", "Hz"}, {"Dbm", "dBm"}, {"Db", "dB"},
            {"Bits", "bit"}, {"S", "s"}, {"M", "m"}};
        for (String[] s : suffixes) {
            if (n.endsWith(s[0])) {
                return s[1];
            }
        }
        return "";
    }

    /** Default values by field path, read off resolved scenarios that use each kind once. */
    static Map<String, JsonNode> defaults() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        List<List<String>> variants = List.of(List.of(),
                List.of("channel.snr.kind=path-loss", "channel.fading.kind=rayleigh", "compute.fidelity=sampled",
                        "arrivals.kind=on-off", "arrivals.onRatePerS=1", "arrivals.meanOnS=1", "arrivals.meanOffS=1",
                        "users.mobility.kind=random-waypoint", "users.mobility.minSpeedMps=1",
                        "users.mobility.maxSpeedMps=1", "users.placement=around-cells"),
                List.of("compute.fidelity=cached", "channel.fading.kind=ofdm"));
        for (List<String> v : variants) {
            List<ScenarioLoader.Setting> settings = new ArrayList<>();
            for (String s : v) {
                settings.add(ScenarioLoader.Setting.parse(s, "schema defaults"));
            }
            ScenarioLoader.Loaded l = ScenarioLoader.empty(Path.of("scenario.yaml"), settings);
            ScenarioFile resolved = ScenarioResolver.resolve(l).resolved();
            Map<String, JsonNode> found = new LinkedHashMap<>();
            collect(JSON.valueToTree(resolved), "", found);
            // a value a variant set to reach a kind is no default (on-off rates, walking speeds have none)
            settings.forEach(s -> found.remove(s.path()));
            found.forEach(out::putIfAbsent);
        }
        return out;
    }

    private static void collect(JsonNode n, String path, Map<String, JsonNode> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> collect(e.getValue(), YamlTree.child(path, e.getKey()), out));
        } else if (n.isArray() && n.size() > 0 && n.get(0).isObject()) {
            collect(n.get(0), path + "[i]", out);
        } else {
            out.putIfAbsent(path, n);
        }
    }
}
