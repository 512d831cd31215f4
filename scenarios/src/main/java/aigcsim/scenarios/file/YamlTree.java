package aigcsim.scenarios.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document as a Jackson tree plus where each value stands (file, line, column by field path), so every
 * problem found later can point into the file. Also the two tree operations scenarios need: merging a file over the
 * one it extends, and setting a field by its path (command-line and sweep overrides).
 */
public final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    private final ObjectNode root;
    private final Map<String, Location> locations;

    private YamlTree(ObjectNode root, Map<String, Location> locations) {
        this.root = root;
        this.locations = locations;
    }

    public ObjectNode root() {
        return root;
    }

    /** Where the value at {@code path} came from; the nearest enclosing field's place when it has none itself. */
    public Location locate(String path) {
        String p = path;
        while (true) {
            Location l = locations.get(p);
            if (l != null || p.isEmpty()) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** A document with no fields. */
    public static YamlTree empty(String source) {
        Map<String, Location> locations = new LinkedHashMap<>();
        locations.put("", Location.of(source));
        return new YamlTree(NODES.objectNode(), locations);
    }

    /** Parses a YAML file whose top level is a map (an empty file is an empty map). */
    public static YamlTree read(Path file) {
        String source = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser p = FACTORY.createParser(in)) {
            Map<String, Location> locations = new LinkedHashMap<>();
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlTree(NODES.objectNode(), locations);
            }
            Location start = at(source, p.currentTokenLocation());
            locations.put("", start);
            JsonNode node = build(p, "", source, locations);
            if (!(node instanceof ObjectNode o)) {
                throw ScenarioException.of(start, "",
                        "a scenario file is a map of fields (name: value), got " + node.getNodeType());
            }
            return new YamlTree(o, locations);
        } catch (NoSuchFileException e) {
            throw ScenarioException.of(Location.of(source), "", "scenario file not found");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw ScenarioException.of(l == null ? Location.of(source) : at(source, l), "",
                    "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw ScenarioException.of(Location.of(source), "", "cannot read: " + e.getMessage());
        }
    }

    private static Location at(String source, JsonLocation l) {
        return new Location(source, l.getLineNr(), l.getColumnNr());
    }

    private static JsonNode build(JsonParser p, String path, String source, Map<String, Location> locations)
            throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = child(path, name);
                    Location where = at(source, p.currentTokenLocation());
                    if (o.has(name)) {
                        throw ScenarioException.of(where, child, "field given twice (first at "
                                + locations.get(child) + ")");
                    }
                    locations.put(child, where);
                    p.nextToken();
                    o.set(name, build(p, child, source, locations));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = path + "[" + i++ + "]";
                    locations.put(child, at(source, p.currentTokenLocation()));
                    a.add(build(p, child, source, locations));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw ScenarioException.of(at(source, p.currentTokenLocation()), path,
                    "unexpected YAML token " + p.currentToken());
        }
    }

    /** The path of field {@code name} under {@code path}. */
    public static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * This tree laid over {@code base} (the file it extends): maps merge field by field, anything else (lists,
     * numbers, words) replaces; a field set to null in this tree removes the base's value (back to the default).
     */
    public YamlTree over(YamlTree base) {
        ObjectNode merged = base.root.deepCopy();
        Map<String, Location> locs = new LinkedHashMap<>(base.locations);
        mergeInto(merged, root, "", locs);
        return new YamlTree(merged, locs);
    }

    private void mergeInto(ObjectNode target, ObjectNode over, String path, Map<String, Location> locs) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String child = child(path, f.getKey());
            JsonNode old = target.get(f.getKey());
            if (f.getValue().isNull()) {
                target.remove(f.getKey());
                dropUnder(locs, child);
            } else if (old instanceof ObjectNode o && f.getValue() instanceof ObjectNode n) {
                locs.put(child, locations.get(child));
                mergeInto(o, n, child, locs);
            } else {
                dropUnder(locs, child);
                target.set(f.getKey(), f.getValue().deepCopy());
                copyUnder(locations, locs, child);
            }
        }
    }

    private static boolean under(String key, String path) {
        return key.equals(path) || key.startsWith(path + ".") || key.startsWith(path + "[");
    }

    private static void dropUnder(Map<String, Location> locs, String path) {
        locs.keySet().removeIf(k -> under(k, path));
    }

    private static void copyUnder(Map<String, Location> from, Map<String, Location> to, String path) {
        from.forEach((k, v) -> {
            if (under(k, path)) {
                to.put(k, v);
            }
        });
    }

    /** Removes a top-level field (e.g. {@code extends} once it has been merged). */
    public YamlTree without(String field) {
        ObjectNode copy = root.deepCopy();
        copy.remove(field);
        Map<String, Location> locs = new LinkedHashMap<>(locations);
        dropUnder(locs, field);
        return new YamlTree(copy, locs);
    }

    /**
     * Sets the value at a field path ({@code users.perCell}, {@code cells[1].bandwidthHz}), creating maps on the
     * way; a list index must exist, except entry 0 of a list the file leaves out, which starts as an empty map (so
     * {@code cells[0].pacr} sets the default cell's PACR). The value's place is {@code where}.
     */
    public YamlTree with(String path, JsonNode value, Location where) {
        ObjectNode copy = root.deepCopy();
        List<Object> steps = steps(path);
        JsonNode node = copy;
        String done = "";
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            Object next = last ? null : steps.get(i + 1);
            if (step instanceof String name) {
                ObjectNode o = (ObjectNode) node;
                if (last) {
                    o.set(name, value);
                } else {
                    JsonNode n = o.get(name);
                    if (n == null || n.isNull()) {
                        n = next instanceof String ? NODES.objectNode() : NODES.arrayNode();
                        o.set(name, n);
                    }
                    node = n;
                }
                done = child(done, name);
            } else {
                int index = (Integer) step;
                if (node instanceof ArrayNode a && a.isEmpty() && index == 0 && !last) {
                    a.add(NODES.objectNode()); // the first entry of a list the file left out (e.g. the default cell)
                }
                if (!(node instanceof ArrayNode a) || index >= a.size()) {
                    throw ScenarioException.of(where, path, "'" + done + "' has "
                            + (node instanceof ArrayNode a ? a.size() : 0) + " entries, no index " + index);
                }
                if (last) {
                    a.set(index, value);
                } else {
                    node = a.get(index);
                }
                done = done + "[" + index + "]";
            }
            if (!last && !(steps.get(i + 1) instanceof String ? node instanceof ObjectNode
                    : node instanceof ArrayNode)) {
                throw ScenarioException.of(where, path, "'" + done + "' is not a "
                        + (steps.get(i + 1) instanceof String ? "map" : "list"));
            }
        }
        Map<String, Location> locs = new LinkedHashMap<>(locations);
        dropUnder(locs, path);
        locs.put(path, where);
        return new YamlTree(copy, locs);
    }

    /** A field path split into names (String) and list indices (Integer). */
    public static List<Object> steps(String path) {
        List<Object> out = new java.util.ArrayList<>();
        Matcher m = STEP.matcher(path);
        int pos = 0;
        while (m.find()) {
            String between = path.substring(pos, m.start());
            if (!(between.isEmpty() || between.equals(".") && !out.isEmpty())) {
                throw new IllegalArgumentException("bad field path '" + path + "'");
            }
            out.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
            pos = m.end();
        }
        if (pos != path.length() || out.isEmpty() || !(out.get(0) instanceof String)) {
            throw new IllegalArgumentException("bad field path '" + path + "': names joined by dots, list entries "
                    + "as [i], e.g. cells[1].bandwidthHz");
        }
        return out;
    }

    /** A YAML scalar or flow value as written on a command line ({@code 8}, {@code async}, {@code [1, 2]}). */
    public static JsonNode parseValue(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return NODES.nullNode();
            }
            return build(p, "", "value", new LinkedHashMap<>());
        } catch (IOException | RuntimeException e) {
            return NODES.textNode(text);
        }
    }
}
