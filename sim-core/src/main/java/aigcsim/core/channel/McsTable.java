package aigcsim.core.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adaptive modulation and coding for the digital baselines (Edge AIGC): 5G NR LDPC + QAM schemes with the Es/N0 at
 * which the block error rate reaches 1e-2 on AWGN, from {@code shared/reference/nr_ldpc_mcs_awgn_thresholds.csv}
 * (Sionna's NR PDSCH BLER tables). The link uses the most efficient scheme whose threshold the SNR reaches; below the
 * lowest threshold it is in outage.
 */
public final class McsTable {
    /** One scheme: bits per QAM symbol × code rate = information bits per symbol (per Hz). */
    public record Mcs(String modulation, int bitsPerSymbol, double codeRate, int index, double thresholdDb) {
        public double spectralEfficiency() {
            return bitsPerSymbol * codeRate;
        }
    }

    private static final String RESOURCE = "/reference/nr_ldpc_mcs_awgn_thresholds.csv";
    private static McsTable nr;

    private final List<Mcs> schemes;

    public McsTable(List<Mcs> schemes) {
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("MCS table is empty");
        }
        this.schemes = schemes.stream().sorted(Comparator.comparingDouble(Mcs::thresholdDb)).toList();
    }

    /** The bundled 5G NR table. */
    public static synchronized McsTable nr() {
        if (nr == null) {
            try (InputStream in = McsTable.class.getResourceAsStream(RESOURCE)) {
                nr = parse(in, RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE, e);
            }
        }
        return nr;
    }

    static McsTable parse(InputStream in, String where) throws IOException {
        List<Mcs> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || !header.startsWith("modulation,bits_per_symbol,code_rate,mcs_index,esn0")) {
                throw new IllegalArgumentException(where + ": unexpected header " + header);
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                try {
                    rows.add(new Mcs(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                            Double.parseDouble(f[4])));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(where + " line " + n + ": cannot parse '" + line + "'");
                }
            }
        }
        return new McsTable(rows);
    }

    /** The scheme used at this SNR, or null in outage. */
    public Mcs select(double snrDb) {
        Mcs best = null;
        for (Mcs m : schemes) {
            if (m.thresholdDb() <= snrDb && (best == null || m.spectralEfficiency() > best.spectralEfficiency())) {
                best = m;
            }
        }
        return best;
    }

    /** Information bits per symbol at this SNR; 0 in outage. */
    public double spectralEfficiency(double snrDb) {
        Mcs m = select(snrDb);
        return m == null ? 0.0 : m.spectralEfficiency();
    }

    public double lowestThresholdDb() {
        return schemes.get(0).thresholdDb();
    }
}
