"use client";

import type { Control, FieldPathByValue, FieldValues } from "react-hook-form";
import { HoursEditor } from "./hours-editor";
import type { FormWeek } from "./week-fields";

type Week = FormWeek<Record<string, string>>;

/** A branch's opening hours and breaks, as the branch form and the set-up wizard ask for them. */
export function BranchHoursEditors<TValues extends FieldValues>({
  control,
  weekly,
  breaks,
  id,
}: {
  control: Control<TValues, unknown, unknown>;
  /** Where the weeks sit in the form's values, named like the method's params. */
  weekly: FieldPathByValue<TValues, Week>;
  breaks: FieldPathByValue<TValues, Week>;
  /** Prefix of the days' ids; unique on the page. */
  id: string;
}) {
  return (
    <>
      <HoursEditor
        control={control}
        name={weekly}
        keys={{ from: "open", to: "close" }}
        id={`${id}-hours`}
        legend="Öffnungszeiten"
        description="Tage ohne Haken sind geschlossen. Mehrere Zeiträume pro Tag sind möglich."
        rangeName="Öffnungszeit"
        offLabel="Geschlossen"
        newRange={{ start: "09:00", end: "18:00" }}
      />
      <HoursEditor
        control={control}
        name={breaks}
        id={`${id}-breaks`}
        legend="Pausen"
        description="In Pausen werden keine Termine vergeben. Eine Pause liegt innerhalb der Öffnungszeit des Tages."
        rangeName="Pause"
        offLabel="Keine Pause"
        newRange={{ start: "13:00", end: "13:30" }}
      />
    </>
  );
}
