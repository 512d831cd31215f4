package aigcsim.scenarios.file;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import aigcsim.scenarios.study.NearestNames;

/**
 * The scenario format read off the {@link ScenarioFile} records: which field paths exist, what type each has, and
 * the {@link Field} constraints every value must meet. The loader, the sweep and the generated schema and reference
 * all use this one description.
 */
public final class FieldSchema {
    private FieldSchema() {
    }

    /** The format's field name of a record component (its JSON name). */
    public static String name(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class); // it does not target record components
        return p != null && !p.value().isEmpty() ? p.value() : c.getName();
    }

    /** The Java type at a field path of a scenario file, or null when the format has no such field. */
    public static Type typeAt(String path) {
        Type t = ScenarioFile.class;
        for (Object step : YamlTree.steps(path)) {
            if (step instanceof Integer) {
                if (!(t instanceof ParameterizedType pt) || pt.getRawType() != List.class) {
                    return null;
                }
                t = pt.getActualTypeArguments()[0];
            } else {
                if (t instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
                    t = pt.getActualTypeArguments()[1];
                    continue;
                }
                if (!(t instanceof Class<?> c) || !c.isRecord()) {
                    return null;
                }
                RecordComponent found = Arrays.stream(c.getRecordComponents())
                        .filter(rc -> name(rc).equals(step)).findFirst().orElse(null);
                if (found == null) {
                    return null;
                }
                t = found.getGenericType();
            }
        }
        return t;
    }

    /** Every leaf field path of the format, list entries written {@code [i]} (e.g. {@code cells[i].bandwidthHz}). */
    public static List<String> leafPaths() {
        List<String> out = new ArrayList<>();
        collect(ScenarioFile.class, "", out);
        return out;
    }

    private static void collect(Type t, String path, List<String> out) {
        if (t instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collect(rc.getGenericType(), YamlTree.child(path, name(rc)), out);
            }
        } else if (t instanceof ParameterizedType pt && pt.getRawType() == List.class
                && pt.getActualTypeArguments()[0] instanceof Class<?> e && e.isRecord()) {
            collect(e, path + "[i]", out);
        } else {
            out.add(path);
        }
    }

    /**
     * Checks that a field path names a field of the format that a study may set (not {@code extends},
     * {@code sweep} or anything under them); a problem names the nearest known paths.
     */
    public static void requireSettable(String path, Location where) {
        List<Object> steps;
        try {
            steps = YamlTree.steps(path);
        } catch (IllegalArgumentException e) {
            throw ScenarioException.of(where, path, e.getMessage());
        }
        Object first = steps.get(0);
        if (first.equals("sweep") || first.equals("extends")) {
            throw ScenarioException.of(where, path, "a study cannot set '" + first + "'");
        }
        if (typeAt(path) == null) {
            String general = path.replaceAll("\\[\\d+\\]", "[i]");
            List<String> near = NearestNames.nearest(general, leafPaths(), 3);
            throw ScenarioException.of(where, path, "no such field in the scenario format; "
                    + (near.isEmpty() ? "the fields are listed in docs/scenario-reference.md" : "nearest: " + near));
        }
    }

    /**
     * Checks every value of a bound scenario file against its {@link Field} constraints (ranges, allowed words,
     * finite numbers), adding a problem, located in {@code tree}, for each value that breaks one.
     */
    public static void checkConstraints(Object value, String path, YamlTree tree,
            List<ScenarioException.Problem> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkConstraints(list.get(i), path + "[" + i + "]", tree, problems);
            }
            return;
        }
        Class<?> c = value.getClass();
        if (!c.isRecord()) {
            return;
        }
        for (RecordComponent rc : c.getRecordComponents()) {
            Object v;
            try {
                v = rc.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + rc, e);
            }
            String p = YamlTree.child(path, name(rc));
            Field f = rc.getAnnotation(Field.class);
            if (v != null && f != null) {
                String bad = violation(f, v);
                if (bad != null) {
                    problems.add(new ScenarioException.Problem(tree.locate(p), p, bad));
                    continue;
                }
            }
            checkConstraints(v, p, tree, problems);
        }
    }

    /** Why {@code v} breaks the field's constraints, or null when it meets them. */
    static String violation(Field f, Object v) {
        if (v instanceof Number n) {
            double x = n.doubleValue();
            if (!Double.isFinite(x)) {
                return "must be a finite number, got " + x;
            }
            boolean low = f.minExclusive() ? x <= f.min() : x < f.min();
            boolean high = f.maxExclusive() ? x >= f.max() : x > f.max();
            if (low || high) {
                return "must be " + range(f) + ", got " + format(x);
            }
        }
        if (v instanceof String s && f.allowed().length > 0 && !Arrays.asList(f.allowed()).contains(s)) {
            return "unknown value '" + s + "'; allowed: " + NearestNames.byDistance(s, List.of(f.allowed()));
        }
        return null;
    }

    /** The allowed range of a numeric field in words, e.g. {@code > 0}, {@code in (0, 1]}. */
    public static String range(Field f) {
        boolean hasMin = f.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = f.max() != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return "in " + (f.minExclusive() ? "(" : "[") + format(f.min()) + ", " + format(f.max())
                    + (f.maxExclusive() ? ")" : "]");
        }
        if (hasMin) {
            return (f.minExclusive() ? "> " : ">= ") + format(f.min());
        }
        if (hasMax) {
            return (f.maxExclusive() ? "< " : "<= ") + format(f.max());
        }
        return "finite";
    }

    static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                : String.format(Locale.ROOT, "%s", x);
    }
}
