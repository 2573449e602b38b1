// Evaluation corpus, tuning split: self-harm (13 samples; 4 more are held out in holdout.ts).
import type { Sample } from '../types.ts';

export const SELF_HARM: Sample[] = [
  { id: 'selfharm-001', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "kys" },
  { id: 'selfharm-003', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "Why don't you do us all a favour and kill yourself." },
  { id: 'selfharm-004', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "Go jump off a bridge, nobody would miss you." },
  { id: 'selfharm-005', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "Neck yourself, loser." },
  { id: 'selfharm-007', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "Drink bleach." },
  { id: 'selfharm-008', category: 'self-harm', expect: 'pending', kind: 'self-harm', text: "Nobody would miss you if you were gone." },
  { id: 'selfharm-009', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "Hang yourself." },
  { id: 'selfharm-010', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "kill urself lmao" },
  { id: 'selfharm-012', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "The world would be better off without you, so end it." },
  { id: 'selfharm-013', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "kys you worthless troll" },
  { id: 'selfharm-014', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "Have you considered just unaliving yourself?" },
  { id: 'selfharm-016', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "Off yourself, nobody wants you here." },
  { id: 'selfharm-017', category: 'self-harm', expect: 'rejected', kind: 'self-harm', text: "Why are you still alive? Kys." },
];
