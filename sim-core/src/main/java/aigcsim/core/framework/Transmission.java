package aigcsim.core.framework;

/**
 * What crosses the downlink: the partly denoised latent sent as analog semantic symbols at the Shannon rate
 * (eq. 19; seeds 000/001), the latent through the JSCC codec as a fixed number of complex channel uses (GSC: one
 * complex symbol per Hz per second, so its air time does not depend on the SNR, only its quality does), the finished
 * image as JPEG bits over adaptive QAM + LDPC (Edge AIGC), or nothing.
 */
public enum Transmission { ANALOG_LATENT, JSCC_LATENT, DIGITAL_IMAGE, NONE }
