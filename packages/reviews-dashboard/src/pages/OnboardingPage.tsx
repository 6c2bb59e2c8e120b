import { TextInput } from '@mantine/core';
import { browserTimeZone, DEFAULT_CURRENCY, LocaleFields, OnboardingForm, useDashboard } from '@rapport/dashboard-ui';
import type { ConnectStoreBody } from '@rapport/reviews/schemas';
import { useState } from 'react';
import type { Store } from '../store.js';

const FIELDS = ['name', 'shop_domain', 'time_zone', 'currency'] as const;

/** The first screen after the first login: the Shopify store whose orders ask for reviews. */
export function OnboardingPage() {
  const { api } = useDashboard();
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [currency, setCurrency] = useState(DEFAULT_CURRENCY);
  return (
    <OnboardingForm
      heading="Connect your store"
      intro="Review requests are timed in the store's time zone; order values are shown in its currency."
      submitLabel="Connect store"
      fields={FIELDS}
      create={() =>
        api.post<Store>('/api/dashboard/stores', {
          name,
          shop_domain: domain.trim(),
          time_zone: timeZone,
          currency,
        } satisfies ConnectStoreBody)
      }
    >
      {(errors, clear) => (
        <>
          <TextInput
            label="Store name"
            required
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              clear('name');
            }}
            error={errors.name}
          />
          <TextInput
            label="Shopify shop domain"
            description="The store's address on Shopify, ending in .myshopify.com."
            placeholder="my-store.myshopify.com"
            required
            autoCapitalize="none"
            spellCheck={false}
            value={domain}
            onChange={(e) => {
              setDomain(e.currentTarget.value);
              clear('shop_domain');
            }}
            error={errors.shop_domain}
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
