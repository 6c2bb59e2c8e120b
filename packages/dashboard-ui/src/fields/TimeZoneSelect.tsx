import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { browserTimeZone, timeZoneChoices } from './choices.js';

/** "Time zone": a searchable list of IANA zones; the form starts it at the browser's zone (`browserTimeZone()`). */
export function TimeZoneSelect(props: Omit<SelectProps, 'data' | 'label'>) {
  const data = useMemo(() => timeZoneChoices(Intl.supportedValuesOf('timeZone'), browserTimeZone(), new Date()), []);
  return (
    <Select
      label="Time zone"
      searchable
      allowDeselect={false}
      nothingFoundMessage="No zone by that name"
      maxDropdownHeight={280}
      data={data}
      {...props}
    />
  );
}
