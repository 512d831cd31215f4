package aigcsim.core.framework;

/**
 * What crosses the downlink: the partly denoised latent sent as analog semantic symbols at the Shannon rate
 * (eq. 19; seeds 000/001), the finished image as JPEG bits over adaptive QAM + LDPC (Edge AIGC), or nothing.
 */
public enum Transmission { ANALOG_LATENT, DIGITAL_IMAGE, NONE }
