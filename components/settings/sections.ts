/** The tabs of Einstellungen, in order; the value is also `?bereich=` in the address. */
export const SETTINGS_SECTIONS = [
  { value: "firma", label: "Firma" },
  { value: "filialen", label: "Filialen" },
  { value: "leistungen", label: "Leistungen" },
  { value: "mitarbeitende", label: "Mitarbeitende" },
  { value: "kalender", label: "Kalender" },
  { value: "retell", label: "Retell" },
  { value: "nachrichten", label: "Nachrichten" },
  { value: "zahlungen", label: "Zahlungen" },
  { value: "daten", label: "Daten" },
] as const;

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]["value"];

export function settingsSection(value: unknown): SettingsSection {
  return SETTINGS_SECTIONS.find((s) => s.value === value)?.value ?? "firma";
}
