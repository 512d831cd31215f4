package aigcsim.core.edge;

import aigcsim.core.cost.CostModel;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.framework.Framework;
import aigcsim.core.model.Request;

/** The edge's part of a request under a framework: extraction, a denoising steps, and the decode for Edge AIGC. */
record EdgeWork(DeviceProfile profile, Framework framework) {
    /** Eq. 20 for the request run alone at availability {@code pacr}, times its compute factor. */
    double aloneS(Request r, double pacr) {
        return CostModel.computeS(profile, r.edgeSteps, framework.edgeExtracts(), framework.edgeDecodes(), pacr)
                * r.computeFactor;
    }

    double extractionS(Request r) {
        return framework.edgeExtracts() ? profile.extractionS() * r.computeFactor : 0;
    }

    double decodeS(Request r) {
        return framework.edgeDecodes() ? profile.decodeS() * r.computeFactor : 0;
    }
}
