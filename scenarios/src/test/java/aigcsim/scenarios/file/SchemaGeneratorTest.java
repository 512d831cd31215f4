package aigcsim.scenarios.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped JSON Schema and scenario reference are what the format generates now, and cover every field. */
class SchemaGeneratorTest {
    private static final Path ROOT = Path.of(System.getProperty("aigcsim.root", ".."));

    @Test
    void theShippedSchemaAndReferenceAreCurrent() throws Exception {
        assertEquals(SchemaGenerator.jsonSchema(),
                Files.readString(ROOT.resolve("scenarios/aigcsim-scenario.schema.json")),
                "regenerate with: ./aigcsim schema --format json --out scenarios/aigcsim-scenario.schema.json");
        assertEquals(SchemaGenerator.markdown(), Files.readString(ROOT.resolve("docs/scenario-reference.md")),
                "regenerate with: ./aigcsim schema --format markdown --out docs/scenario-reference.md");
    }

    @Test
    void everyFieldIsInTheReferenceAndTheSchema() throws Exception {
        String md = SchemaGenerator.markdown();
        JsonNode schema = new ObjectMapper().readTree(SchemaGenerator.jsonSchema());
        for (String path : FieldSchema.leafPaths()) {
            assertTrue(md.contains("| `" + path + "` |"), path);
            JsonNode node = schema;
            for (String step : path.split("\\.")) {
                boolean list = step.endsWith("[i]");
                node = node.get("properties").get(list ? step.substring(0, step.length() - 3) : step);
                assertTrue(node != null, path);
                if (list) {
                    node = node.get("items");
                }
            }
            assertTrue(node.has("description"), path + " has a description");
        }
    }

    @Test
    void constraintsAndDefaultsReachTheSchema() throws Exception {
        JsonNode props = new ObjectMapper().readTree(SchemaGenerator.jsonSchema()).get("properties");
        JsonNode bw = props.get("cells").get("items").get("properties").get("bandwidthHz");
        assertEquals(0, bw.get("exclusiveMinimum").asInt());
        assertEquals(20e6, bw.get("default").asDouble());
        assertEquals("[\"serial\",\"async\"]", props.get("edge").get("properties").get("mode").get("enum").toString());
        assertEquals(false, props.get("run").get("additionalProperties").asBoolean());
        assertTrue(props.has("extends"));
    }
}
