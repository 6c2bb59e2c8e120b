import { TextInput } from '@mantine/core';
import { browserTimeZone, DEFAULT_CURRENCY, LocaleFields, OnboardingForm, useDashboard } from '@rapport/dashboard-ui';
import type { CreateShopBody } from '@rapport/sms/schemas';
import { useState } from 'react';
import type { Shop } from '../shop.js';

const FIELDS = ['name', 'time_zone', 'currency'] as const;

/** The first screen after the first login: the shop that subscribers, automations and messages belong to. */
export function OnboardingPage() {
  const { api } = useDashboard();
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [currency, setCurrency] = useState(DEFAULT_CURRENCY);
  return (
    <OnboardingForm
      heading="Create your shop"
      intro="Quiet hours and scheduled messages follow the shop's time zone; order values are shown in its currency."
      submitLabel="Create shop"
      fields={FIELDS}
      create={() => api.post<Shop>('/api/dashboard/shops', { name, time_zone: timeZone, currency } satisfies CreateShopBody)}
    >
      {(errors, clear) => (
        <>
          <TextInput
            label="Shop name"
            required
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              clear('name');
            }}
            error={errors.name}
          />
          <LocaleFields
            timeZone={timeZone}
            onTimeZone={setTimeZone}
            currency={currency}
            onCurrency={setCurrency}
            errors={errors}
            clear={clear}
          />
        </>
      )}
    </OnboardingForm>
  );
}
