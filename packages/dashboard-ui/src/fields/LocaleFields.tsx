import { CurrencySelect } from './CurrencySelect.js';
import { TimeZoneSelect } from './TimeZoneSelect.js';

interface Props {
  timeZone: string;
  onTimeZone: (zone: string) => void;
  currency: string;
  onCurrency: (currency: string) => void;
  /** Field errors by API field name (`time_zone`, `currency`), as the forms' useSubmit gives them. */
  errors: Partial<Record<'time_zone' | 'currency', string>>;
  /** Clears a field's error once it is edited. */
  clear: (field: 'time_zone' | 'currency') => void;
}

/** A tenant's time zone and currency, as onboarding and settings ask for them in both dashboards. */
export function LocaleFields({ timeZone, onTimeZone, currency, onCurrency, errors, clear }: Props) {
  return (
    <>
      <TimeZoneSelect
        required
        value={timeZone}
        onChange={(v) => {
          if (v) onTimeZone(v);
          clear('time_zone');
        }}
        error={errors.time_zone}
      />
      <CurrencySelect
        required
        value={currency}
        onChange={(v) => {
          if (v) onCurrency(v);
          clear('currency');
        }}
        error={errors.currency}
      />
    </>
  );
}
