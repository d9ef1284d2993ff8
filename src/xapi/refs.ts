/** XAPI's null reference: a field that points at nothing (a halted VM's resident_on). */
export const NULL_REF = 'OpaqueRef:NULL';
