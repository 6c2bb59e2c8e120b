import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { currencyChoices, DEFAULT_CURRENCY } from './choices.js';

/** "Currency": ISO 4217 codes with their names, searchable by either. */
export function CurrencySelect(props: Omit<SelectProps, 'data' | 'label'>) {
  const data = useMemo(() => currencyChoices(Intl.supportedValuesOf('currency'), DEFAULT_CURRENCY), []);
  return (
    <Select
      label="Currency"
      searchable
      allowDeselect={false}
      nothingFoundMessage="No currency by that code"
      maxDropdownHeight={280}
      data={data}
      {...props}
    />
  );
}
