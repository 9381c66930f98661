/**
 * The token doctor: why a token would be refused, in words. {@link io.countersign.doctor.TokenDoctor#inspect}
 * says what any token says without a secret; {@link io.countersign.doctor.TokenDoctor#check} lists every problem
 * against the certificates and what the client will use ({@link io.countersign.doctor.Expectations}), as
 * {@link io.countersign.doctor.Finding}s with stable codes. {@link io.countersign.doctor.DoctorData} gives
 * both as the JSON shape the command line and the server print.
 */
package io.countersign.doctor;
