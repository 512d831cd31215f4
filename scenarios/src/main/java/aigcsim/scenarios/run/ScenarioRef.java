package aigcsim.scenarios.run;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import aigcsim.scenarios.file.ResolvedScenario;
import aigcsim.scenarios.file.ScenarioLoader;
import aigcsim.scenarios.file.ScenarioResolver;

/**
 * A scenario as a cluster member resolves it again: the file's absolute path and the settings on it (path, JSON
 * value, origin). Every member runs the same code and has the scenario's files at the same paths.
 */
public record ScenarioRef(String file, List<String[]> settings) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ScenarioRef of(Path file, List<ScenarioLoader.Setting> settings) {
        List<String[]> s = new ArrayList<>();
        for (ScenarioLoader.Setting x : settings) {
            s.add(new String[] {x.path(), x.value().toString(), x.origin()});
        }
        return new ScenarioRef(file.toAbsolutePath().normalize().toString(), s);
    }

    /** The file with its settings, resolved. */
    public ResolvedScenario resolve() {
        List<ScenarioLoader.Setting> out = new ArrayList<>();
        for (String[] s : settings) {
            try {
                out.add(new ScenarioLoader.Setting(s[0], JSON.readTree(s[1]), s[2]));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + ": setting " + s[0] + " is not JSON: " + s[1], e);
            }
        }
        return ScenarioResolver.resolve(ScenarioLoader.load(Path.of(file), out));
    }
}
