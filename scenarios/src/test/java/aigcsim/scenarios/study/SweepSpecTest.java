package aigcsim.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SweepSpecTest {
    /** An ordered map from alternating path, values arguments. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> map(Object... pathsAndValues) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            m.put((String) pathsAndValues[i], (List<Object>) pathsAndValues[i + 1]);
        }
        return m;
    }

    private static List<Object> list(Object... values) {
        return List.of(values);
    }

    private static List<List<Object>> values(List<SweepPoint> points) {
        return points.stream().map(p -> List.copyOf(p.values().values())).toList();
    }

    private static IllegalArgumentException error(Map<String, List<Object>> grid, Map<String, List<Object>> zip,
            String constraint, int repeat) {
        return assertThrows(IllegalArgumentException.class,
                () -> new SweepSpec(grid, zip, constraint, repeat).expand());
    }

    @Test
    void theGridIsCrossedWithTheFirstPathVaryingSlowest() {
        List<SweepPoint> points = new SweepSpec(map("a", list(1, 2), "b", list("x", "y", "z")), null, null, 1)
                .expand();
        assertEquals(List.of(list(1, "x"), list(1, "y"), list(1, "z"), list(2, "x"), list(2, "y"), list(2, "z")),
                values(points));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), points.stream().map(SweepPoint::index).toList());
        assertEquals(List.of("a", "b"), List.copyOf(points.get(0).values().keySet()));
    }

    @Test
    void theZipGroupVariesTogetherAndIsCrossedWithTheGrid() {
        List<SweepPoint> points = new SweepSpec(map("a", list(1, 2)), map("b", list(10L, 20L), "c", list(0.5, 1.5)),
                null, 1).expand();
        assertEquals(List.of(list(1, 10L, 0.5), list(1, 20L, 1.5), list(2, 10L, 0.5), list(2, 20L, 1.5)),
                values(points));
    }

    @Test
    void eachPointRepeatsInARowWithAPaddedSafeFolderName() {
        List<Object> perCell = IntStream.rangeClosed(5, 105).boxed().collect(Collectors.toList());
        List<SweepPoint> runs = new SweepSpec(map("users.perCell", perCell, "edge.mode", list("async")), null, null,
                2).expand();
        assertEquals(202, runs.size());
        SweepPoint run = runs.get(7);
        assertEquals(3, run.index());
        assertEquals(1, run.repeat());
        assertEquals("003-users.perCell=8_edge.mode=async-r1", run.folder());
        assertEquals("003-users.perCell=8_edge.mode=async-r0", runs.get(6).folder());
        assertEquals(202, runs.stream().map(SweepPoint::folder).distinct().count());
    }

    @Test
    void folderNamesReplaceUnsafeCharactersAndStayShort() {
        SweepPoint p = new SweepSpec(map("name", list("a/b c:*")), null, null, 1).expand().get(0);
        assertEquals("0-name=a_b_c__-r0", p.folder());
        String longValue = "v".repeat(300);
        String folder = new SweepSpec(map("name", list(longValue, "w")), null, null, 1).expand().get(0).folder();
        assertTrue(folder.length() < 200, folder);
        assertTrue(folder.startsWith("0-name=vvv") && folder.endsWith("-r0"), folder);
    }

    @Test
    void aSweepOfRepeatsAloneHasOnePoint() {
        List<SweepPoint> runs = new SweepSpec(null, null, null, 3).expand();
        assertEquals(List.of("0-r0", "0-r1", "0-r2"), runs.stream().map(SweepPoint::folder).toList());
        assertTrue(runs.get(0).values().isEmpty());
    }

    @Test
    void theConstraintReadsDottedPathsAndKeepsMatchingPointsRenumbered() {
        List<SweepPoint> points = new SweepSpec(
                map("users.perCell", list(5, 10, 15), "edge.mode", list("serial", "async")), null,
                "users.perCell * 2 <= 20 && edge.mode == 'async'", 1).expand();
        assertEquals(List.of(list(5, "async"), list(10, "async")), values(points));
        assertEquals(List.of(0, 1), points.stream().map(SweepPoint::index).toList());
        assertEquals("0-users.perCell=5_edge.mode=async-r0", points.get(0).folder());
    }

    @Test
    void theConstraintSeesLongsDoublesAndBooleansAsGiven() {
        List<SweepPoint> points = new SweepSpec(map("a.b", list(1L, 3L), "a.c", list(0.25, 0.75)),
                map("cache.on", list(true, false)), "a.b * a.c > 0.5 && cache.on", 1).expand();
        assertEquals(List.of(list(1L, 0.75, true), list(3L, 0.25, true), list(3L, 0.75, true)), values(points));
    }

    @Test
    void zipListsOfUnequalLengthAreNamedWithTheirLengths() {
        String m = error(null, map("a", list(1, 2), "b", list(1, 2, 3)), null, 1).getMessage();
        assertTrue(m.contains("sweep.zip") && m.contains("a has 2") && m.contains("b has 3"), m);
    }

    @Test
    void anEmptyListIsNamed() {
        String m = error(map("users.perCell", list()), null, null, 1).getMessage();
        assertTrue(m.contains("sweep.grid.users.perCell") && m.contains("empty"), m);
    }

    @Test
    void aValueOfAnotherTypeIsNamed() {
        String m = error(map("a", List.of(1, List.of(2))), null, null, 1).getMessage();
        assertTrue(m.contains("sweep.grid.a[1]"), m);
    }

    @Test
    void aPathInBothGridAndZipIsRefused() {
        String m = error(map("a", list(1)), map("a", list(2)), null, 1).getMessage();
        assertTrue(m.contains("'a'") && m.contains("both"), m);
    }

    @Test
    void pathsOneInsideTheOtherAreRefused() {
        String m = error(map("users", list(1)), map("users.perCell", list(2)), null, 1).getMessage();
        assertTrue(m.contains("'users'") && m.contains("'users.perCell'") && m.contains("overlap"), m);
    }

    @Test
    void aConstraintThatDoesNotParseGivesJexlsMessage() {
        String m = error(map("a", list(1)), null, "a * <= 2", 1).getMessage();
        assertTrue(m.contains("sweep.constraint") && m.contains("does not parse") && m.contains("parsing error"), m);
    }

    @Test
    void aConstraintNamingAnUnsweptPathListsTheSweptOnes() {
        String m = error(map("users.perCell", list(1), "edge.mode", list("async")), null,
                "users.perCel > 0 && seed == 1", 1).getMessage();
        assertTrue(m.contains("users.perCel, seed") && m.contains("swept paths: users.perCell, edge.mode"), m);
    }

    @Test
    void aConstraintThatIsNotBooleanIsRefusedAtThePoint() {
        String m = error(map("a", list(4)), null, "a * 2", 1).getMessage();
        assertTrue(m.contains("true or false") && m.contains("8") && m.contains("{a=4}"), m);
    }

    @Test
    void repeatBelowOneIsRefused() {
        String m = error(null, null, null, 0).getMessage();
        assertTrue(m.contains("sweep.repeat") && m.contains("0"), m);
    }

    @Test
    void aConstraintLeavingNoPointIsRefused() {
        String m = error(map("a", list(1, 2)), null, "a > 5", 1).getMessage();
        assertTrue(m.contains("sweep.constraint") && m.contains("every one of the 2 points"), m);
    }

    @Test
    void checkPathsNamesUnknownPathsWithTheNearestKnownOne() {
        Set<String> known = Set.of("users.perCell", "edge.mode", "seed");
        SweepSpec spec = new SweepSpec(map("users.percel", list(1), "seed", list(1)), map("edge.mod", list("a")),
                null, 1);
        String m = assertThrows(IllegalArgumentException.class, () -> spec.checkPaths(known::contains, known))
                .getMessage();
        assertTrue(m.contains("sweep.grid: unknown field path 'users.percel' (did you mean 'users.perCell'?)"), m);
        assertTrue(m.contains("sweep.zip: unknown field path 'edge.mod' (did you mean 'edge.mode'?)"), m);
        assertTrue(!m.contains("'seed'"), m);
        new SweepSpec(map("seed", list(1)), null, null, 1).checkPaths(known::contains, known);
    }
}
