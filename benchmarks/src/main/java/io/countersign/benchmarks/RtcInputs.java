package io.countersign.benchmarks;

/**
 * The RTC token inputs of {@link Inputs} that our 007 and 006 benchmarks pass on every call, in
 * non-final fields of the benchmark state so that the JIT cannot fold them into constants.
 */
public abstract class RtcInputs extends BenchmarkDefaults {
    String appId = Inputs.APP_ID;
    String appCertificate = Inputs.APP_CERTIFICATE;
    String channelName = Inputs.CHANNEL_NAME;
    long uid = Inputs.UID;
    String account = Inputs.ACCOUNT;
}
