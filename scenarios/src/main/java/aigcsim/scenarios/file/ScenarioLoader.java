package aigcsim.scenarios.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;

import aigcsim.scenarios.study.NearestNames;

/**
 * Reads a scenario file: YAML with its place for every value, laid over the files it {@code extends}, with
 * study settings (e.g. {@code --vary edge.mode=serial}) applied, bound to {@link ScenarioFile}. Problems come as a
 * {@link ScenarioException} naming file, line, column and field path.
 */
public final class ScenarioLoader {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    static {
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            MAPPER.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
    }

    private ScenarioLoader() {
    }

    /** A value set on top of the file by a study: the field path, the value, and where it came from. */
    public record Setting(String path, JsonNode value, String origin) {
        /** A setting written {@code path=value} with a YAML value ({@code 8}, {@code async}, {@code [1, 2]}). */
        public static Setting parse(String assignment, String origin) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw ScenarioException.of(Location.of(origin), assignment, "expected field.path=value");
            }
            return new Setting(assignment.substring(0, eq).trim(),
                    YamlTree.parseValue(assignment.substring(eq + 1).trim()), origin);
        }
    }

    /** A loaded scenario file: its path, its merged tree (with places) and its bound fields. */
    public record Loaded(Path file, YamlTree tree, ScenarioFile scenario) {
        /** The directory relative paths of the scenario are resolved against. */
        public Path dir() {
            Path parent = file.toAbsolutePath().normalize().getParent();
            return parent != null ? parent : Path.of(".").toAbsolutePath();
        }
    }

    /** A scenario file with no fields (every default), as if it stood at {@code file}, with settings applied. */
    public static Loaded empty(Path file, List<Setting> settings) {
        YamlTree tree = YamlTree.empty(file.toString());
        for (Setting s : settings) {
            tree = tree.with(s.path(), s.value(), Location.of(s.origin()));
        }
        return new Loaded(file, tree, bind(tree));
    }

    public static Loaded load(Path file) {
        return load(file, List.of());
    }

    public static Loaded load(Path file, List<Setting> settings) {
        YamlTree tree = withExtends(file.toAbsolutePath().normalize(), new ArrayList<>());
        for (Setting s : settings) {
            Location where = Location.of(s.origin());
            FieldSchema.requireSettable(s.path(), where);
            tree = tree.with(s.path(), s.value(), where);
        }
        return new Loaded(file, tree, bind(tree));
    }

    private static YamlTree withExtends(Path file, List<Path> chain) {
        if (chain.contains(file)) {
            List<String> names = new ArrayList<>(chain.stream().map(Path::toString).toList());
            names.add(file.toString());
            throw ScenarioException.of(Location.of(chain.get(0).toString()), "extends",
                    "files extend each other in a cycle: " + String.join(" -> ", names));
        }
        chain.add(file);
        YamlTree tree = YamlTree.read(file);
        JsonNode base = tree.root().get("extends");
        if (base == null || base.isNull()) {
            return tree.without("extends");
        }
        if (!base.isTextual() || base.asText().isBlank()) {
            throw ScenarioException.of(tree.locate("extends"), "extends", "must be the path of another scenario "
                    + "file, relative to this one");
        }
        Path parent = file.getParent().resolve(base.asText()).normalize();
        if (!parent.toFile().isFile()) {
            throw ScenarioException.of(tree.locate("extends"), "extends", "file not found: " + parent);
        }
        return tree.without("extends").over(withExtends(parent, chain));
    }

    private static ScenarioFile bind(YamlTree tree) {
        try {
            return MAPPER.treeToValue(tree.root(), ScenarioFile.class);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).toList();
            throw ScenarioException.of(tree.locate(path), path, "unknown field '" + e.getPropertyName()
                    + "'; known fields here (nearest first): " + NearestNames.byDistance(e.getPropertyName(), known));
        } catch (MismatchedInputException e) {
            String path = path(e);
            JsonNode given = at(tree, path);
            throw ScenarioException.of(tree.locate(path), path, "expected " + describe(e.getTargetType())
                    + ", got " + (given == null ? "something else" : given.getNodeType().name().toLowerCase(
                            java.util.Locale.ROOT) + " " + given));
        } catch (JsonMappingException e) {
            String path = path(e);
            throw ScenarioException.of(tree.locate(path), path, e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ScenarioException.of(tree.locate(""), "", e.getOriginalMessage());
        }
    }

    private static JsonNode at(YamlTree tree, String path) {
        JsonNode n = tree.root();
        for (Object step : YamlTree.steps(path)) {
            n = step instanceof String s ? n.get(s) : n.get((Integer) step);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a word or text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a map of fields";
    }

    private static String path(JsonMappingException e) {
        String p = "";
        for (JsonMappingException.Reference r : e.getPath()) {
            p = r.getFieldName() != null ? YamlTree.child(p, r.getFieldName()) : p + "[" + r.getIndex() + "]";
        }
        return p;
    }
}
