/** Stable codes for violations of the DICOM upper layer protocol (PS3.8) by a peer. */
export type UpperLayerErrorCode =
  | 'UL_UNRECOGNIZED_PDU'
  | 'UL_UNEXPECTED_PDU'
  | 'UL_INVALID_PDU_PARAMETER'
  | 'UL_PDU_TOO_LONG'
  | 'UL_UNKNOWN_PRESENTATION_CONTEXT'
  | 'DIMSE_MALFORMED_COMMAND';

/** A-ABORT reason/diag values (PS3.8 Table 9-26, source 2 = service provider). */
export const AbortReason = {
  notSpecified: 0,
  unrecognizedPdu: 1,
  unexpectedPdu: 2,
  unrecognizedPduParameter: 4,
  unexpectedPduParameter: 5,
  invalidPduParameterValue: 6,
} as const;

const abortReasonOf: Record<UpperLayerErrorCode, number> = {
  UL_UNRECOGNIZED_PDU: AbortReason.unrecognizedPdu,
  UL_UNEXPECTED_PDU: AbortReason.unexpectedPdu,
  UL_INVALID_PDU_PARAMETER: AbortReason.invalidPduParameterValue,
  UL_PDU_TOO_LONG: AbortReason.invalidPduParameterValue,
  UL_UNKNOWN_PRESENTATION_CONTEXT: AbortReason.unexpectedPduParameter,
  DIMSE_MALFORMED_COMMAND: AbortReason.invalidPduParameterValue,
};

/** A peer broke the protocol; the association is ended with an A-ABORT carrying `abortReason`. */
export class UpperLayerError extends Error {
  readonly abortReason: number;
  constructor(
    readonly code: UpperLayerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UpperLayerError';
    this.abortReason = abortReasonOf[code];
  }
}
