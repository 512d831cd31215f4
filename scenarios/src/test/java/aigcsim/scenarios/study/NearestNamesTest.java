package aigcsim.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class NearestNamesTest {
    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutionsIgnoringCase() {
        assertEquals(3, NearestNames.distance("kitten", "sitting"));
        assertEquals(3, NearestNames.distance("", "abc"));
        assertEquals(1, NearestNames.distance("users.perCel", "users.perCell"));
        assertEquals(0, NearestNames.distance("users.percell", "users.perCell"));
    }

    @Test
    void nearestComesFirstAndTiesAreAlphabetical() {
        List<String> known = List.of("users.count", "users.perCell", "edge.mode", "users.perCall", "users.perCel");
        assertEquals(List.of("users.perCel", "users.perCell", "users.perCall"),
                NearestNames.nearest("users.perCeli", known, 3));
        assertEquals(List.of("users.perCel"), NearestNames.nearest("users.perCeli", known, 1));
    }

    @Test
    void farNamesAreNotSuggested() {
        assertEquals(List.of(), NearestNames.nearest("seed", List.of("users.perCell", "edge.mode"), 3));
        assertEquals(List.of("seed"), NearestNames.nearest("sed", List.of("users.perCell", "seed"), 3));
    }
}
